import type { HostDetection, HostModule } from '../host-module';
import { EMAIL_IN_TEXT, isHiddenWithin, participantCollector } from '../participants';
import { OUTLOOK_SELECTORS as S } from './selectors';

/** The signed-in address, from the account manager outside the reading pane. */
export function detectOutlookSelf(doc: Document): string | null {
  for (const button of doc.querySelectorAll(S.accountManager.selector)) {
    if (button.closest(S.main.selector)) continue;
    const texts = [button.getAttribute('aria-label'), ...[...button.querySelectorAll('[title]')].map((t) => t.getAttribute('title'))];
    for (const text of texts) {
      const m = EMAIL_IN_TEXT.exec(text ?? '');
      if (m) return m[0].toLowerCase();
    }
  }
  const secondary = doc.getElementById('mectrl_currentAccount_secondary')?.textContent;
  return EMAIL_IN_TEXT.exec(secondary ?? '')?.[0].toLowerCase() ?? null;
}

/** "Tom Becker (tom@x.com)" → "Tom Becker"; a bare address yields no name. */
function nameBeside(text: string | null | undefined, email: string): string | undefined {
  const name = text
    ?.replace(email, '')
    .replace(/[<>()]/g, '')
    .trim();
  return name && !name.includes('@') ? name : undefined;
}

/** Sender and recipients of the open message, or the recipients being written to. */
export function detectOutlookMessage(doc: Document, url: URL): HostDetection {
  const main = [...doc.querySelectorAll(S.main.selector)].find((m) => !isHiddenWithin(m));
  if (!main) return { recordId: null, participants: [] };
  const self = detectOutlookSelf(doc);
  const people = participantCollector(self);
  for (const el of main.querySelectorAll(`${S.personTitle.selector}, ${S.recipientPill.selector}`)) {
    if (isHiddenWithin(el, main)) continue;
    const source = el.getAttribute('title')?.includes('@') ? el.getAttribute('title') : el.getAttribute('aria-label');
    const email = EMAIL_IN_TEXT.exec(source ?? '')?.[0];
    if (!email) continue;
    people.add(email, nameBeside(source === el.getAttribute('title') ? el.textContent : source, email));
  }
  const participants = people.list();
  const id = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1] ?? (participants.length ? 'compose' : null);
  return { recordId: id ? decodeURIComponent(id) : null, participants, selfEmail: self ?? undefined };
}

export const outlookHost: HostModule = {
  id: 'outlook',
  label: 'Outlook',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  selectors: S,
  detect: detectOutlookMessage,
  region: (doc) => doc.querySelector(S.main.selector),
};
