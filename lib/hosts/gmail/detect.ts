import { parseMailDate } from '../mail-dates';
import { EMAIL, EMAIL_IN_TEXT, isHiddenWithin, participantCollector, type Participant, type SeenMessage } from '../participants';
import { GMAIL_SELECTORS as S } from './selectors';

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
 * The element holding the open thread's messages: the subject's ancestor that is a
 * direct child of the main region, i.e. one of Gmail's stacked views.
 */
function visibleThreadView(doc: Document): { view: Element; subject: Element } | null {
  for (const subject of doc.querySelectorAll(S.threadSubject.selector)) {
    if (isHiddenWithin(subject)) continue;
    const main = subject.closest(S.main.selector);
    let view: Element = subject;
    while (view.parentElement && view.parentElement !== main) view = view.parentElement;
    return { view, subject };
  }
  return null;
}

/**
 * Every external participant of the thread open in the visible view — senders, To
 * and Cc — minus the signed-in user and colleagues, in order of first appearance.
 * Null when no thread is open (inbox, search list, settings). Gmail's URL hash
 * token is not a thread id, so the DOM is the source of truth.
 */
export function detectGmailThread(doc: Document, _url?: URL, self = detectSelfEmail(doc)): ThreadDetection | null {
  const found = visibleThreadView(doc);
  if (!found) return null;
  const people = participantCollector(self);
  const markers = found.view.querySelectorAll(`${S.sender.selector}, ${S.recipient.selector}, ${S.hovercard.selector}`);
  // Markers hidden *inside* the visible view (collapsed messages, folded Cc details)
  // still belong to this thread, so only the view itself is checked for visibility.
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
    messages: detectGmailMessages(found.view, self, participants),
  };
}

/**
 * Each message of the visible thread with its sender, external recipients and
 * date. A collapsed message shows no recipients; it went to people of this thread,
 * so the thread's external participants stand in for them. One that shows its
 * recipients, all colleagues, went to nobody outside: it is no touch of a lead's.
 */
function detectGmailMessages(view: Element, self: string | null, participants: Participant[]): SeenMessage[] {
  const out: SeenMessage[] = [];
  const seen = new Set<string>();
  for (const box of view.querySelectorAll(S.message.selector)) {
    const key = box.getAttribute('data-legacy-message-id') ?? box.getAttribute('data-message-id');
    const from = box.querySelector(S.sender.selector)?.getAttribute('email')?.trim().toLowerCase();
    // Some layouts repeat the id on an inner element; the outer box comes first in document order.
    if (!key || !from || seen.has(key)) continue;
    seen.add(key);
    const people = participantCollector(self);
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
