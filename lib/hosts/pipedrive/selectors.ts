import type { SelectorSpec } from '../host-module';

/** Pipedrive person pages; data-test hooks have outlived several redesigns. */
export const PIPEDRIVE_SELECTORS = {
  personName: {
    selector: '[data-test="person-name"]',
    why: "The person's name in the detail header.",
  },
  detailsEmail: {
    selector: '[data-test="person-details"] a[href^="mailto:"]',
    why: 'Email rows of the details sidebar; the first is the primary address. Mail threads elsewhere link colleagues.',
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures: pipedrive/person.html, pipedrive/person-two-emails.html (older layout,
 * work and home address), pipedrive/app.html (navigation between two people).
 */
