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
    return { recordId: thread?.threadId ?? null, participants, selfEmail: self ?? undefined, messages: thread?.messages ?? [] };
  },
  isRelevant: isGmailMutationRelevant,
  sends: {
    composeRoot: GMAIL_SELECTORS.composeRoot.selector,
    sendButton: GMAIL_SELECTORS.sendButton.selector,
    recipients: (root, self) => detectGmailCompose(root, self).map((p) => p.email),
  },
};

// Threads render in the main pane; compose windows are dialogs outside it.
const REGIONS = `${GMAIL_SELECTORS.main.selector}, [role="dialog"]`;
// Anything that can change who is on screen: a person marker, a thread subject, a
// compose window or chip. Typing indicators, images and menus carry none of these.
const MARKERS = `[email], [data-hovercard-id], ${GMAIL_SELECTORS.threadSubject.selector}, [role="dialog"], [role="main"]`;

// Called for every node Gmail adds or removes: attribute checks first (far cheaper
// than selector matching), and leaves skip the subtree query.
const carriesMarker = (node: Node) => {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (
    (el.hasAttribute('email') || el.hasAttribute('data-hovercard-id') || el.hasAttribute('role') || el.localName === 'h2') &&
    el.matches(MARKERS)
  )
    return true;
  return el.firstElementChild !== null && el.querySelector(MARKERS) !== null;
};

/**
 * Whether a mutation could change who is on screen. Outside the main pane and
 * compose dialogs nothing can, except adding or removing one of them; inside,
 * only nodes carrying a person marker matter, and style changes on a container
 * holding a thread (Gmail swapping views). Chat, notifications, typing
 * indicators and lazy images are skipped without a detection.
 */
export function isGmailMutationRelevant(m: MutationRecord): boolean {
  if (m.type === 'attributes') {
    const target = m.target as Element;
    return target.closest(REGIONS) !== null && carriesMarker(target);
  }
  for (const list of [m.addedNodes, m.removedNodes]) for (const node of list) if (carriesMarker(node)) return true;
  return false;
}
