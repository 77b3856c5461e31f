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
  // Compose windows live outside role=main, so the whole body is the region; the
  // watcher still coalesces bursts.
};
