import type { HostDetection, HostModule } from '../host-module';
import { parseMailDate } from '../mail-dates';
import { EMAIL_IN_TEXT, isHiddenWithin, participantCollector, type Participant, type SeenMessage } from '../participants';
import { isOutlookMutationRelevant } from './mutations';
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

/** The titled addresses and recipient pills in a region, the rep and colleagues left out. */
function peopleIn(scope: Element, self: string | null) {
  const people = participantCollector(self);
  for (const el of scope.querySelectorAll(`${S.personTitle.selector}, ${S.recipientPill.selector}`)) {
    if (isHiddenWithin(el, scope)) continue;
    const source = el.getAttribute('title')?.includes('@') ? el.getAttribute('title') : el.getAttribute('aria-label');
    const email = EMAIL_IN_TEXT.exec(source ?? '')?.[0];
    if (email) people.add(email, nameBeside(source === el.getAttribute('title') ? el.textContent : source, email));
  }
  return people.list();
}

/** Sender and recipients of the open message, or the recipients being written to. */
export function detectOutlookMessage(doc: Document, url: URL): HostDetection {
  const main = [...doc.querySelectorAll(S.main.selector)].find((m) => !isHiddenWithin(m));
  if (!main) return { recordId: null, participants: [] };
  const self = detectOutlookSelf(doc);
  const participants = peopleIn(main, self);
  const id = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1] ?? (participants.length ? 'compose' : null);
  return {
    recordId: id ? decodeURIComponent(id) : null,
    participants,
    selfEmail: self ?? undefined,
    messages: detectOutlookMessages(main, self, participants),
  };
}

/**
 * Each message shown in the reading pane: its sender (the first titled address), the other
 * addresses, its date. A collapsed item shows its sender and date only; it went to people of
 * this conversation, so the conversation's external participants stand in for its recipients,
 * as in Gmail. One that shows its recipients, all colleagues, went to nobody outside.
 */
function detectOutlookMessages(main: Element, self: string | null, participants: Participant[]): SeenMessage[] {
  const out: SeenMessage[] = [];
  const lang = main.ownerDocument.documentElement.lang;
  for (const item of main.querySelectorAll(S.messageItem.selector)) {
    if (isHiddenWithin(item, main)) continue;
    const key = item.getAttribute('data-item-id');
    const addresses = [...item.querySelectorAll(S.personTitle.selector)].map(
      (el) => EMAIL_IN_TEXT.exec(el.getAttribute('title') ?? '')?.[0],
    );
    const from = addresses[0]?.toLowerCase();
    if (!key || !from) continue;
    const shown = addresses.slice(1).filter((a) => a !== undefined);
    const people = participantCollector(self);
    for (const a of shown) people.add(a);
    const to = shown.length ? people.list().map((p) => p.email) : participants.map((p) => p.email).filter((e) => e !== from);
    const date = [...item.querySelectorAll(S.dated.selector)]
      .map((el) => parseMailDate(el.getAttribute('title'), lang))
      .find((d) => d !== null);
    out.push({ key, from, to, at: date?.toISOString() ?? null });
  }
  return out;
}

export const outlookHost: HostModule = {
  id: 'outlook',
  label: 'Outlook',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  selectors: S,
  detect: detectOutlookMessage,
  isRelevant: isOutlookMutationRelevant,
  observeText: true,
  // The compose region holds only its To/Cc pills and the From button (the rep, left out).
  sends: {
    composeRoot: S.composeRegion.selector,
    sendButton: S.sendButton.selector,
    recipients: (root, self) => peopleIn(root, self).map((p) => p.email),
    // Undo send holds a message for up to 10 s, as the user sets it.
    undoMs: 15_000,
  },
};
