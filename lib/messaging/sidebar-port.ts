import type { CachedContext } from '../cache/contact-cache';
import type { Participant } from '../hosts/participants';

/**
 * The sidebar frame's long-lived connection to the background. The frame is an
 * extension page inside the host tab, so the host page can neither read it nor
 * post into this channel; the content script tells the frame one thing directly,
 * the page load it belongs to (./frame-handshake.ts).
 */
export const SIDEBAR_PORT = 'leadlight-sidebar';

/** storage.local key: whether the rep left the sidebar open (the default) or collapsed to its tab. */
export const OPEN_KEY = 'sidebar.open';
/** storage.local key: the company's other email domains (Settings → You), for the content scripts, which cannot read settings. */
export const COMPANY_DOMAINS_KEY = 'companyDomains';

/** How much of the page the frame takes: the full panel, the small collapsed tab, or nothing. */
export type SidebarLayout = 'panel' | 'tab' | 'none';

/** What the content script saw on the page; `seq` orders one page load's snapshots that cross in flight. */
export type PageSnapshot = {
  /** A random id per page load. */
  page: string;
  seq: number;
  participants: Participant[];
  /** Bumped each time the shortcut is pressed on this tab. */
  toggles: number;
  /** The host page's own theme where it can be read; absent means "follow the system". */
  theme?: 'light' | 'dark';
  /**
   * The address the rep looked up from the context menu (listed first in `participants`), and a
   * count of lookups: the sidebar shows that person even over the contact it holds on screen.
   */
  lookup?: { email: string; seq: number };
};

/** The contexts of a snapshot's people, read by the background for the frame. */
export type OfferedContexts = { emails: string[]; rows: CachedContext[] };

/**
 * Background → frame. With a snapshot of new people the background also reads their
 * contexts, saving the frame a round trip: in the same message when the read is quick,
 * else in a `contexts` message after it.
 */
export type ToFrame =
  | { type: 'detected'; snapshot: PageSnapshot; contexts?: OfferedContexts }
  | ({ type: 'contexts' } & OfferedContexts)
  | { type: 'contactUpdated'; email: string };

/**
 * Frame → background: first the page load it belongs to, as the content script told it
 * (./frame-handshake.ts); then the layout the content script should give the frame, and
 * the snapshot (`seq`) it was decided for, for every snapshot it renders.
 */
export type FromFrame = { type: 'hello'; page: string } | { type: 'layout'; layout: SidebarLayout; seq?: number };
