import { parseMailDate } from '../mail-dates';
import { EMAIL, EMAIL_IN_TEXT, isHiddenWithin, participantCollector, type Participant, type SeenMessage } from '../participants';
import { GMAIL_SELECTORS as S } from './selectors';
import { selfLabelledAddresses } from './self-labels';
import { visibleThread } from './thread-scope';

export type ThreadDetection = { threadId: string | null; participants: Participant[]; messages: SeenMessage[] };

/**
 * The signed-in user's own address: Gmail puts it in the tab title
 * ("Inbox (3) - me@x.com - Gmail"); the account button is the fallback. The
 * last such address is the user's: an open thread's subject comes first in the
 * title and may hold addresses of its own ("Intro - maya@x.com - pilot - me@y.com - Gmail").
 */
export function detectSelfEmail(doc: Document): string | null {
  const fromTitle = [...doc.title.matchAll(/ - ([^\s]+@[^\s]+)(?= - )/g)].at(-1)?.[1];
  if (fromTitle && EMAIL.test(fromTitle)) return fromTitle.toLowerCase();
  for (const a of doc.querySelectorAll(S.accountButton.selector)) {
    const match = EMAIL_IN_TEXT.exec(a.getAttribute('aria-label') ?? '');
    if (match) return match[0].toLowerCase();
  }
  return null;
}

/**
 * Every external participant of the thread open in the visible view — senders, To
 * and Cc — minus the signed-in user, the addresses Gmail labels as the user ("me":
 * aliases the rep sends as) and colleagues, in order of first appearance. Only the
 * thread counts, not list rows sharing its view (reading pane). Null when no thread
 * is open (inbox, search list, settings). Gmail's URL hash token is not a thread id,
 * so the DOM is the source of truth.
 */
export function detectGmailThread(doc: Document, _url?: URL, self = detectSelfEmail(doc)): ThreadDetection | null {
  const found = visibleThread(doc);
  if (!found) return null;
  const aliases = selfLabelledAddresses(found.scope);
  const people = participantCollector(self, aliases);
  const markers = found.scope.querySelectorAll(`${S.sender.selector}, ${S.recipient.selector}, ${S.hovercard.selector}`);
  // Markers hidden *inside* the visible thread (collapsed messages, folded Cc details)
  // still belong to it, so only its subject is checked for visibility.
  for (const el of markers) {
    const email = el.getAttribute('email');
    // On avatars `name` is an element id such as ":2t"; their display name is `data-name`.
    if (email) people.add(email, el.getAttribute('name'));
    else people.add(el.getAttribute('data-hovercard-id'), el.getAttribute('data-name'));
  }
  const participants = people.list();
  return {
    threadId: found.subject.getAttribute('data-legacy-thread-id'),
    participants,
    messages: detectGmailMessages(found.scope, self, aliases, participants),
  };
}

/**
 * Each message of the visible thread with its sender, external recipients and
 * date. A collapsed message shows no recipients; it went to people of this thread,
 * so the thread's external participants stand in for them. One that shows its
 * recipients, all colleagues, went to nobody outside: it is no touch of a lead's.
 * A message from an address Gmail labels as the user is the rep's own, sent as an alias.
 */
function detectGmailMessages(thread: Element, self: string | null, aliases: Set<string>, participants: Participant[]): SeenMessage[] {
  const out: SeenMessage[] = [];
  const seen = new Set<string>();
  for (const box of thread.querySelectorAll(S.message.selector)) {
    const key = box.getAttribute('data-legacy-message-id') ?? box.getAttribute('data-message-id');
    const sender = box.querySelector(S.sender.selector)?.getAttribute('email')?.trim().toLowerCase();
    const from = self && sender && aliases.has(sender) ? self : sender;
    // Some layouts repeat the id on an inner element; the outer box comes first in document order.
    if (!key || !from || seen.has(key)) continue;
    seen.add(key);
    const people = participantCollector(self, aliases);
    const recipients = box.querySelectorAll(S.recipient.selector);
    for (const r of recipients) people.add(r.getAttribute('email'));
    const to = recipients.length ? people.list().map((p) => p.email) : participants.map((p) => p.email).filter((e) => e !== from);
    const at = parseMailDate(box.querySelector(S.messageDate.selector)?.getAttribute('title'));
    out.push({ key, from, to, at: at?.toISOString() ?? null });
  }
  return out;
}

/**
 * Recipients of every open compose window and inline reply (or of the one compose
 * `doc` is), in the current and the older chip markup. Chips in hidden views (a
 * stale thread's reply box) are skipped.
 */
export function detectGmailCompose(
  doc: ParentNode,
  self: string | null = detectSelfEmail(doc.ownerDocument ?? (doc as Document)),
): Participant[] {
  const people = participantCollector(self);
  for (const chip of doc.querySelectorAll(`${S.composeChip.selector}, ${S.composeChipOlder.selector}`)) {
    if (isHiddenWithin(chip)) continue;
    const email = chip.getAttribute('email');
    if (email) people.add(email, chip.textContent);
    else people.add(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name'));
  }
  return people.list();
}
