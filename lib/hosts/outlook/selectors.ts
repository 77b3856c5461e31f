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
  messageItem: {
    selector: 'div[data-item-id]',
    // The item id is the stable message key; the first titled address is the sender.
    why: 'Each message in the reading pane.',
  },
  dated: {
    selector: '[title]',
    // The header date's tooltip: "Tue 3/4/2025 9:12 AM", "Di 04.03.2025 09:12".
    why: 'A message date (inside an item).',
  },
  composeRegion: {
    selector: 'div[role="main"] div[role="region"]',
    // Its label ("Compose") is translated; it goes away once the message is sent.
    why: 'The compose form in the reading pane.',
  },
  sendButton: {
    selector: 'button[aria-label^="Send"], button[title^="Send"], button[aria-label^="Senden"]',
    // English and German labels; Ctrl+Enter is noticed in every language.
    why: 'Send, in the compose form.',
  },
  accountHeader: {
    selector: '[role="banner"], #O365_MainLink_Me',
    // The suite header loads apart from the mail app and can fill in the address after the reading pane shows.
    why: 'The top bar holding the account manager; watched so the rep is left out once the address shows.',
  },
  accountManager: {
    selector: 'button[aria-label]',
    why: 'The account manager button in the top bar names the signed-in address (or holds it in a titled child).',
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures: outlook/reading-pane.html (office.com), outlook/reading-pane-de.html (German
 * labels, live.com), outlook/compose.html (recipient pills), outlook/inbox-empty.html
 * (nothing selected), outlook/reading-pane-own-reply.html (the rep's reply in the conversation),
 * outlook/reading-pane-own-reply-collapsed.html (that reply collapsed: sender and date only),
 * outlook/app.html (selecting messages in the list).
 */
