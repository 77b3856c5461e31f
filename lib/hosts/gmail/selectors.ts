/**
 * Gmail markers Leadlight reads. Gmail's generated container classes (`table.Bs`,
 * `.if`, `.PeIF1d`, `.a98.iY`) have broken repeatedly; the attribute markers below
 * (`email`, `name`, `data-hovercard-id`, `data-legacy-thread-id`) have lasted for years,
 * so every selector keys on an attribute and a class is only a narrowing hint.
 */
export const GMAIL_SELECTORS = {
  /** The conversation pane in every layout; the inbox list, threads and search results all render inside it. */
  main: 'div[role="main"]',
  /** Subject of an open thread (current and older layouts); its presence is what "a thread is open" means. */
  threadSubject: 'h2.hP[data-legacy-thread-id]',
  /** Sender name in each message header, expanded or collapsed (current: h3.iw > span.qu; older: td.gF.gK > span.qu). */
  sender: 'span.gD[email]',
  /** To/Cc recipients on the "to me, …" line and in the expanded details, both layouts. */
  recipient: 'span.g2[email]',
  /** Avatars and name chips in the current layout; absent in the older layout, so only a supplement. */
  hovercard: '[data-hovercard-id]',
  /** The account button carries the signed-in address when the title does not (e.g. a renamed tab). */
  accountButton: 'a[aria-label][href*="accounts.google.com"]',
} as const;

/*
 * Fixtures covering this module (tests/fixtures/gmail/):
 * - thread-current.html: current thread header layout, one message.
 * - thread-legacy.html: the older header layout without hovercard ids.
 * - thread-multi.html: several messages, To and Cc recipients, a colleague.
 * - thread-stale-view.html: a hidden stale view of another thread next to the visible one.
 * - inbox.html: the inbox list with no thread open.
 * - demo-gmail.html: the interactive look-alike the demo and e2e tests drive.
 */
