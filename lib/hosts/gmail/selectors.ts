import type { SelectorSpec } from '../host-module';

/**
 * Gmail markers Leadlight reads. Gmail's generated container classes (`table.Bs`,
 * `.if`, `.PeIF1d`, `.a98.iY`) have broken repeatedly; the attribute markers below
 * (`email`, `name`, `data-hovercard-id`, `data-legacy-thread-id`) have lasted for years,
 * so every selector keys on an attribute and a class is only a narrowing hint.
 */
export const GMAIL_SELECTORS = {
  main: {
    selector: 'div[role="main"]',
    why: 'The conversation pane in every layout; the inbox list, threads and search results render inside it.',
  },
  threadSubject: {
    selector: 'h2.hP[data-legacy-thread-id]',
    why: 'Subject of an open thread (current and older layouts); its presence is what "a thread is open" means.',
  },
  sender: {
    selector: 'span.gD[email]',
    why: 'Sender in each message header, expanded or collapsed (current: h3.iw > span.qu; older: td.gF.gK > span.qu).',
  },
  recipient: {
    selector: 'span.g2[email]',
    why: 'To/Cc recipients on the "to me, …" line and in the expanded details, both layouts.',
  },
  listRow: {
    selector: 'tr.zA, table[role="grid"] tr[role="row"]',
    why: 'A row of the inbox or search list (its class has lasted since the early extension SDKs; the grid role as a fallback). With the reading pane on, the previewed thread renders in the same view as these rows, and their senders are not in the thread.',
  },
  hovercard: {
    selector: '[data-hovercard-id]',
    why: 'Avatars in the current layout; absent in the older one, so only a supplement. Their display name is data-name.',
  },
  composeChip: {
    selector: 'div[role="option"][data-hovercard-id]',
    why: 'Recipient chips in the current compose and inline-reply To/Cc fields; autocomplete suggestions lack data-hovercard-id.',
  },
  composeChipOlder: {
    selector: 'div.vR span.vN[email]',
    why: 'Recipient chips in the older compose markup.',
  },
  message: {
    selector: '[data-legacy-message-id], [data-message-id]',
    // The legacy id is the stable message key in both layouts.
    why: 'Each message of the thread, even collapsed.',
  },
  messageDate: {
    selector: 'span.g3[title]',
    // Its tooltip holds the full local date and time ("Mon, Mar 3, 2025, 3:47 PM").
    why: 'A message header date.',
  },
  composeRoot: {
    selector: 'div[role="dialog"], div.M9',
    // Both close once the message is sent.
    why: 'A compose window or inline reply box.',
  },
  sendButton: {
    selector: 'div.aoO[role="button"]',
    // Its class has lasted for years; its tooltip is translated.
    why: 'Send, in a compose or inline reply.',
  },
  accountButton: {
    selector: 'a[aria-label][href*="accounts.google.com"]',
    why: 'Carries the signed-in address when the tab title does not (e.g. a renamed tab).',
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures covering this module:
 * - gmail/thread-current.html: current thread header layout, one message.
 * - gmail/thread-legacy.html: the older header layout without hovercard ids.
 * - gmail/thread-multi.html: several messages, To and Cc recipients, a colleague.
 * - gmail/thread-stale-view.html: a hidden stale view of another thread next to the visible one.
 * - gmail/inbox.html: the inbox list with no thread open.
 * - gmail/reading-pane.html: split view, a thread previewed beside the inbox list in one view.
 * - gmail/thread-automated.html: a Google Group in Cc and its bounce from mailer-daemon in a thread.
 * - gmail-compose/*.html: new-message dialogs (current and older chips, two windows) and an inline reply.
 * - gmail/demo-gmail.html, gmail-compose/compose-app.html: interactive look-alikes for e2e tests.
 */
