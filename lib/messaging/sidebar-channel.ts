import { browser, type Browser } from 'wxt/browser';
import type { CachedContext } from '../cache/contact-cache';
import type { Participant } from '../hosts/participants';
import { SIDEBAR_PORT, type FromFrame, type OfferedContexts, type PageSnapshot, type SidebarLayout, type ToFrame } from './sidebar-port';

/** What the frame shows: the page's snapshot plus the last contact the background refreshed. */
export type FrameState = {
  participants: Participant[];
  toggles: number;
  theme?: 'light' | 'dark';
  updated?: { email: string; seq: number };
  /** The page's last context-menu lookup (see PageSnapshot). */
  lookup?: { email: string; seq: number };
  /** False until the first snapshot arrives. */
  ready: boolean;
  /** The snapshot shown, so each one's layout can be confirmed to the page. */
  seq?: number;
};

/**
 * The frame's end of its port to the background, readable by React through
 * useSyncExternalStore. The port is reopened when the browser stops the
 * background worker; the background then sends the page's snapshot again.
 */
/** What the frame's client hears of the background's pushes (see ./sidebar-client.ts). */
export type SnapshotListener = {
  /** A new snapshot (each once), with the contexts sent inside it, before it is published. */
  snapshot: (emails: string[], contexts?: OfferedContexts) => void;
  /** Contexts sent after their snapshot. */
  offer: (emails: string[], rows: CachedContext[]) => void;
  /** The background stored news about a contact, before the frame is told to re-read it. */
  updated?: (email: string) => void;
};

export function connectSidebarChannel(page: string, client?: SnapshotListener) {
  let state: FrameState = { participants: [], toggles: 0, ready: false };
  let lastSnapshot: PageSnapshot | undefined;
  let port: Browser.runtime.Port | undefined;
  let layout: SidebarLayout | undefined;
  let sentFor: number | undefined;
  const listeners = new Set<() => void>();
  const publish = (next: Partial<FrameState>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };
  const receive = (message: ToFrame) => {
    if (message.type === 'detected') {
      const s = message.snapshot;
      if (lastSnapshot && lastSnapshot.page === s.page && s.seq <= lastSnapshot.seq) return;
      lastSnapshot = s;
      // Before the snapshot is published, so its first render can show what came with it.
      client?.snapshot(
        s.participants.map((p) => p.email),
        message.contexts,
      );
      publish({ participants: s.participants, toggles: s.toggles, theme: s.theme, lookup: s.lookup, ready: true, seq: s.seq });
    } else if (message.type === 'contexts') {
      client?.offer(message.emails, message.rows);
    } else if (message.type === 'contactUpdated') {
      client?.updated?.(message.email);
      publish({ updated: { email: message.email, seq: (state.updated?.seq ?? 0) + 1 } });
    }
  };
  const connect = () => {
    port = browser.runtime.connect({ name: SIDEBAR_PORT });
    port.onMessage.addListener((m: unknown) => receive(m as ToFrame));
    // Which page load this frame shows: the background sends it nothing before it knows.
    port.postMessage({ type: 'hello', page } satisfies FromFrame);
    // The background sends on the frame's channel once it has one (./worker-channel.ts): same messages, one hop fewer.
    port.onDisconnect.addListener(() => {
      port = undefined;
      setTimeout(connect, 100);
    });
    // A reconnected frame tells the page again how much room it needs.
    if (layout) send(layout, sentFor);
  };
  const send = (next: SidebarLayout, seq: number | undefined) => {
    sentFor = seq;
    port?.postMessage({ type: 'layout', layout: next, ...(sentFor === undefined ? {} : { seq: sentFor }) } satisfies FromFrame);
  };
  connect();
  return {
    /** What the background sent on the frame's channel instead of this port. */
    receive: (message: unknown) => receive(message as ToFrame),
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /**
     * The room the frame needs for snapshot `seq`, the one it rendered. Sent once per layout
     * and snapshot: the content script lays out new snapshots itself and takes the frame's
     * word for each one it renders, unless the page has laid out a newer one since.
     */
    setLayout(next: SidebarLayout, seq = lastSnapshot?.seq) {
      if (next === layout && sentFor === seq) return;
      layout = next;
      send(next, seq);
    },
  };
}
export type SidebarChannel = ReturnType<typeof connectSidebarChannel>;
