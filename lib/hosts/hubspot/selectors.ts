import type { SelectorSpec } from '../host-module';

/** HubSpot contact records. Class names are generated; test hooks and mailto links are stable. */
export const HUBSPOT_SELECTORS = {
  recordTitle: {
    selector: '[data-selenium-test="highlightTitle"]',
    why: "The contact's name in the record's left highlight card, current and legacy record pages.",
  },
  emailLink: {
    selector: 'a[href^="mailto:"]',
    why: "The record card's email; only links near the highlight card count, since the activity feed links owners and colleagues.",
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures: hubspot/record-current.html (/record/0-1/<id>), hubspot/record-legacy.html
 * (/contact/<id> on app-eu1), hubspot/record-list.html (the contacts index: no record),
 * hubspot/app.html (single-page navigation between two records).
 */
