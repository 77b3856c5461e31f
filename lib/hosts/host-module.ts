import type { Participant, SeenMessage } from './participants';
import type { SendSpec } from './send-watch';

/** One selector a host module reads, with the page variant it serves. */
export type SelectorSpec = { selector: string; why: string };

/** What a host detector found on the page. */
export type HostDetection = {
  /** Record or thread identity; null when the page shows none (list views, settings). */
  recordId: string | null;
  participants: Participant[];
  /** The signed-in user's address where the host shows it, used as the feedback author. */
  selfEmail?: string;
  /** Messages of the open conversation (mail hosts only), so the rep's own replies can count as a first touch. */
  messages?: SeenMessage[];
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
  /** Hosts reading addresses from title/aria-label and text that their framework updates in place. */
  observeText?: boolean;
  /** Mail hosts: how a sent compose is noticed, so the rep's own email counts as a first touch. */
  sends?: SendSpec;
};

function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/([^/]+)\//.exec(pattern);
  if (!m || `${m[1]}:` !== url.protocol) return false;
  const host = m[2]!;
  if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1)) && url.hostname.length > host.length - 1;
  return url.hostname === host;
}

/** Whether a page is one of the host's own, by its manifest match patterns. */
export function runsOn(host: HostModule, url: URL): boolean {
  return host.matches.some((p) => matchesPattern(p, url));
}

/** Which of a host's selectors match the page now; run only when the detection changes. */
export function diagnoseSelectors(host: HostModule, doc: Document): { matched: string[]; missing: string[] } {
  const matched: string[] = [];
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(host.selectors)) (doc.querySelector(spec.selector) ? matched : missing).push(name);
  return { matched, missing };
}

/** The rep's own messages among those detected: the ones that can be a first touch. */
export function ownMessages(d: HostDetection): SeenMessage[] {
  return d.selfEmail ? (d.messages ?? []).filter((m) => m.from === d.selfEmail && m.to.length > 0) : [];
}

/**
 * Equal keys mean the user would see the same sidebar, so nothing re-renders. A
 * reply the rep just sent changes the key too, so it is reported once it shows.
 */
export function hostDetectionKey(d: HostDetection): string {
  return `${d.recordId ?? ''}|${d.participants.map((p) => p.email).join(',')}|${ownMessages(d)
    .map((m) => m.key)
    .join(',')}`;
}
