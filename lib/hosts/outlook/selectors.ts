import type { SelectorSpec } from '../host-module';

/**
 * Outlook on the web. Class names are generated per deploy and labels are
 * translated, so only roles, title/aria-label attributes and an email pattern are used.
 */
export const OUTLOOK_SELECTORS = {
  main: {
    selector: 'div[role="main"]',
    why: 'The reading pane or the compose form; the message list and top bar sit outside it.',
  },
  personTitle: {
    selector: '[title*="@"]',
    why: 'Sender and To/Cc names carry the address in their title attribute (tooltip), in every language.',
  },
  recipientPill: {
    selector: '[role="textbox"] [aria-label*="@"]',
    why: 'Compose recipient pills: "Name (address)" in aria-label inside the To/Cc wells.',
  },
  accountManager: {
    selector: 'button[aria-label]',
    why: 'The account manager button in the top bar names the signed-in address (or holds it in a titled child).',
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures: outlook/reading-pane.html (office.com), outlook/reading-pane-de.html (German
 * labels, live.com), outlook/compose.html (recipient pills), outlook/inbox-empty.html
 * (nothing selected), outlook/app.html (selecting messages in the list).
 */
