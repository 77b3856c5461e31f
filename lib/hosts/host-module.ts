import type { Participant } from './participants';

/** One selector a host module reads, with the page variant it serves. */
export type SelectorSpec = { selector: string; why: string };

/** What a host detector found on the page. */
export type HostDetection = {
  /** Record or thread identity; null when the page shows none (list views, settings). */
  recordId: string | null;
  participants: Participant[];
  /** The signed-in user's address where the host shows it, used as the feedback author. */
  selfEmail?: string;
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
  /** For hosts with several such regions: whether one mutation could change the result. */
  isRelevant?: (mutation: MutationRecord) => boolean;
};

/** Which of a host's selectors match the page now; run only when the detection changes. */
export function diagnoseSelectors(host: HostModule, doc: Document): { matched: string[]; missing: string[] } {
  const matched: string[] = [];
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(host.selectors)) (doc.querySelector(spec.selector) ? matched : missing).push(name);
  return { matched, missing };
}

/** Equal keys mean the user would see the same sidebar, so nothing re-renders. */
export function hostDetectionKey(d: HostDetection): string {
  return `${d.recordId ?? ''}|${d.participants.map((p) => p.email).join(',')}`;
}
