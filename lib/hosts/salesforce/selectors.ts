import type { SelectorSpec } from '../host-module';

/**
 * Salesforce Lightning record pages. Fields are keyed by API name in
 * data-target-selection-name, which survives translated labels and custom layouts.
 */
export const SALESFORCE_SELECTORS = {
  recordWrapper: {
    selector: '[data-record-id]',
    why: 'One per mounted record; the console keeps several mounted and hides the inactive ones.',
  },
  emailField: {
    selector: '[data-target-selection-name$=".Email"]',
    why: 'The Email field of a Lead or Contact layout (sfdc:RecordField.Lead.Email / .Contact.Email), any language.',
  },
  emailLink: {
    selector: 'a[href^="mailto:"]',
    why: 'The address inside lightning-formatted-email; the link survives label translation.',
  },
  highlightsEmail: {
    selector: 'records-highlights2 records-highlights-details-item lightning-formatted-email a[href^="mailto:"]',
    // The Details tab is rendered but hidden while Related or another tab is open.
    why: "The record's Email in the highlights panel (compact layout), shown whichever tab is open.",
  },
  hoverCard: {
    selector: '[role="dialog"]',
    // A lookup's hover card (the owner's) shows that user's Email, never the record's.
    why: 'An open hover card, whose addresses are skipped.',
  },
  primaryName: {
    selector: 'records-highlights2 [slot="primaryField"]',
    why: "The record's name in the highlights panel.",
  },
} satisfies Record<string, SelectorSpec>;

/*
 * Fixtures: salesforce/lead-record.html (one Lead), salesforce/console-two-records.html
 * (two records mounted, one hidden with slds-hide), salesforce/contact-record-de.html
 * (German labels), salesforce/lead-record-related-tab.html (Related tab open, Email only in
 * the highlights panel, the owner's hover card open there), salesforce/console.html (console tab switching).
 */
