import { GMAIL_SELECTORS as S } from './selectors';

export type Participant = { email: string; name?: string };
export type ThreadDetection = { threadId: string | null; participants: Participant[] };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Mailbox providers whose users share a domain without being colleagues. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'web.de']);

/**
 * Whether an address is the rep or a colleague: same address, or same company
 * domain. Colleagues are not leads, so the sidebar skips them.
 */
export function isInternal(email: string, self: string | null): boolean {
  if (!self) return false;
  if (email === self) return true;
  const domain = self.split('@')[1] ?? '';
  return !CONSUMER_DOMAINS.has(domain) && email.endsWith(`@${domain}`);
}
const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Gmail hides old views with inline `display:none` rather than removing them. */
function isHiddenWithin(el: Element, stop: Element | null): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node instanceof HTMLElement && (node.hidden || node.style.display === 'none')) return true;
  }
  return false;
}

/**
 * The signed-in user's own address: Gmail puts it in the tab title
 * ("Inbox - me@x.com - Gmail"); the account button is the fallback.
 */
export function detectSelfEmail(doc: Document): string | null {
  const fromTitle = / - ([^\s]+@[^\s]+) - /.exec(doc.title)?.[1];
  if (fromTitle && EMAIL.test(fromTitle)) return fromTitle.toLowerCase();
  for (const a of doc.querySelectorAll(S.accountButton)) {
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
  for (const subject of doc.querySelectorAll(S.threadSubject)) {
    const main = subject.closest(S.main);
    if (isHiddenWithin(subject, null)) continue;
    let view: Element = subject;
    while (view.parentElement && view.parentElement !== main) view = view.parentElement;
    return { view, subject };
  }
  return null;
}

/**
 * Every external participant of the thread open in the visible view — senders, To
 * and Cc — minus the signed-in user and colleagues, in order of first appearance. Null when no thread is
 * open (inbox, search list, settings). `url` is accepted for symmetry with other
 * hosts; Gmail's hash token is not a thread id, so the DOM is the source of truth.
 */
export function detectGmailThread(doc: Document, _url?: URL): ThreadDetection | null {
  const found = visibleThreadView(doc);
  if (!found) return null;
  const self = detectSelfEmail(doc);
  const seen = new Map<string, Participant>();
  const add = (raw: string | null, name: string | null) => {
    const email = raw?.trim().toLowerCase();
    if (!email || !EMAIL.test(email) || isInternal(email, self)) return;
    const existing = seen.get(email);
    if (!existing) seen.set(email, { email, ...(name ? { name } : {}) });
    else if (!existing.name && name) existing.name = name;
  };
  const markers = found.view.querySelectorAll(`${S.sender}, ${S.recipient}, ${S.hovercard}`);
  // Markers hidden *inside* the visible view (collapsed messages, folded Cc details)
  // still belong to this thread, so only the view itself is checked for visibility.
  for (const el of markers) {
    const email = el.getAttribute('email');
    // On avatars `name` is an element id such as ":2t"; their display name is `data-name`.
    if (email) add(email, el.getAttribute('name'));
    else add(el.getAttribute('data-hovercard-id'), el.getAttribute('data-name'));
  }
  return { threadId: found.subject.getAttribute('data-legacy-thread-id'), participants: [...seen.values()] };
}

/** A stable key for "the same set of contacts", so the sidebar re-renders only on change. */
export function detectionKey(d: ThreadDetection | null): string {
  if (!d) return '';
  return `${d.threadId ?? ''}|${d.participants.map((p) => p.email).join(',')}`;
}
