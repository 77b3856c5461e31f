import type { HostDetection, HostModule } from '../host-module';
import { detectGmailCompose, detectGmailThread, detectSelfEmail } from './detect';
import { GMAIL_SELECTORS } from './selectors';

/**
 * Gmail: the people of the open thread plus everyone being written to. Compose
 * recipients come first, because the person a rep is writing to is who they are
 * thinking about.
 */
export const gmailHost: HostModule = {
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/*'],
  selectors: GMAIL_SELECTORS,
  detect(doc: Document, url: URL): HostDetection {
    const self = detectSelfEmail(doc);
    const thread = detectGmailThread(doc, url, self);
    const compose = detectGmailCompose(doc, self);
    const seen = new Set(compose.map((p) => p.email));
    const participants = [...compose, ...(thread?.participants ?? []).filter((p) => !seen.has(p.email))];
    return { recordId: thread?.threadId ?? null, participants, selfEmail: self ?? undefined };
  },
  isRelevant: isGmailMutationRelevant,
};

// Threads render in the main pane; compose windows are dialogs outside it.
const REGIONS = `${GMAIL_SELECTORS.main.selector}, [role="dialog"]`;

/**
 * Whether a mutation could change who is on screen: it happens inside the main
 * pane or a compose dialog, or adds/removes one. Chat, notifications and the
 * many other panels Gmail keeps redrawing are skipped without a detection.
 */
export function isGmailMutationRelevant(m: MutationRecord): boolean {
  const target = m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement;
  if (target?.closest(REGIONS)) return true;
  for (const list of [m.addedNodes, m.removedNodes]) {
    for (const node of list) {
      if (node.nodeType === 1 && ((node as Element).matches(REGIONS) || (node as Element).querySelector(REGIONS))) return true;
    }
  }
  return false;
}
