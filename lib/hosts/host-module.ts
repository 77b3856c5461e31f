import type { Participant } from './gmail/detect';

/** One selector a host module reads, with the page variant it serves. */
export type SelectorSpec = { selector: string; why: string };

/** What a host detector found on the page. */
export type HostDetection = {
  /** Record or thread identity; null when the page shows none (list views, settings). */
  recordId: string | null;
  participants: Participant[];
  /** Names of the selectors (keys of the host's selector table) that matched, for diagnostics. */
  matched: string[];
};

/**
 * A supported host: where it runs, how to find the contact, and which region's
 * mutations matter. Everything here is pure so it can be tested on saved pages.
 */
export type HostModule = {
  id: string;
  label: string;
  /** Match patterns, as in the manifest. */
  matches: string[];
  selectors: Record<string, SelectorSpec>;
  /** Pure detection over `(document, url)`. */
  detect: (doc: Document, url: URL) => HostDetection;
  /** Where contact-changing mutations happen; others are ignored cheaply. */
  region?: (doc: Document) => Element | null;
};
