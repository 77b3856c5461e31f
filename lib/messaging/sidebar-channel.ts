import { browser, type Browser } from 'wxt/browser';
import type { CachedContext } from '../cache/contact-cache';
import type { Participant } from '../hosts/participants';
import { SIDEBAR_PORT, type FromFrame, type PageSnapshot, type SidebarLayout, type ToFrame } from './sidebar-port';

/**
 * Tells the client whom each new snapshot shows, once per snapshot: a contact's update
 * publishes the same snapshot again, and expecting its people anew would start a read
 * nobody needs, which the update's own re-read would then wait behind.
 */
export function expectEachSnapshot(client: { expect: (emails: string[]) => void }): (state: FrameState) => void {
  let expectedSeq: number | undefined;
  return (state) => {
    if (state.participants.length === 0 || state.seq === expectedSeq) return;
    expectedSeq = state.seq;
    client.expect(state.participants.map((p) => p.email));
  };
}

/** What the frame shows: the page's snapshot plus the last contact the background refreshed. */
export type FrameState = {
  participants: Participant[];
  toggles: number;
  theme?: 'light' | 'dark';
  updated?: { email: string; seq: number };
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
export function connectSidebarChannel(
  page: string,
  onContexts?: (emails: string[], rows: CachedContext[]) => void,
  onSnapshot?: () => void,
) {
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
      onSnapshot?.();
      // Offered before the snapshot is published, so its first render can show them.
      if (message.contexts) onContexts?.(message.contexts.emails, message.contexts.rows);
      publish({ participants: s.participants, toggles: s.toggles, theme: s.theme, ready: true, seq: s.seq });
    } else if (message.type === 'contexts') {
      onContexts?.(message.emails, message.rows);
    } else if (message.type === 'contactUpdated') {
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
