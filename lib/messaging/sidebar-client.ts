import { browser, type Browser } from 'wxt/browser';
import type { SidebarApi } from '@/components/sidebar/sidebar-api';
import type { CachedContext } from '../cache/contact-cache';
import type { Participant } from '../hosts/participants';
import { sendMessage } from './protocol';
import { createWorkerChannel } from './worker-channel';
import { OPEN_KEY, SIDEBAR_PORT, type FromFrame, type PageSnapshot, type SidebarLayout, type ToFrame } from './sidebar-port';

export { OPEN_KEY };

/**
 * The sidebar's view of the extension: protocol messages plus its remembered open
 * state. Identical context requests in flight are shared, so the frame can start
 * reading a contact the moment it is detected, before React renders.
 */
export function createSidebarClient(framed?: { page: string; onPush: (message: unknown) => void }): SidebarApi & {
  prefetch: (emails: string[]) => void;
  expect: (emails: string[]) => void;
  offer: (emails: string[], rows: CachedContext[]) => void;
  takeOffered: (emails: string[]) => CachedContext[] | undefined;
  newSnapshot: () => void;
} {
  const read = createWorkerChannel(sendMessage, framed ?? {});
  const inFlight = new Map<string, Promise<CachedContext[]>>();
  const offers = new Map<string, (rows: CachedContext[]) => void>();
  // Contexts the background sent with the latest snapshot before anything asked for them.
  let offered: { key: string; rows: CachedContext[] } | undefined;
  // The people of the latest snapshot sent without their contexts, and whether a request already waits on them.
  let expected: { key: string; claimed: boolean } | undefined;
  const share = (key: string, request: Promise<CachedContext[]>) => {
    inFlight.set(key, request);
    const forget = () => inFlight.get(key) === request && inFlight.delete(key);
    request.then(forget, forget);
    return request;
  };
  const getContexts = (emails: string[]) => {
    const key = emails.join(',');
    const waiting = inFlight.get(key);
    if (!waiting) return share(key, read('getContactContexts', { emails }));
    // The request takes what the background sends: it is not kept for another as well.
    if (expected?.key === key) expected.claimed = true;
    if (offered?.key === key) offered = undefined;
    return waiting;
  };
  return {
    getContexts,
    prefetch: (emails) => void (emails.length > 0 && getContexts(emails).catch(() => undefined)),
    /**
     * The background reads a new snapshot's contexts itself and sends them over the port;
     * until they come (or, if they do not, after a short wait) this is what getContexts returns.
     */
    expect(emails) {
      const key = emails.join(',');
      if (emails.length === 0 || inFlight.has(key) || offered?.key === key) return;
      expected = { key, claimed: false };
      // Read later through getContexts; share() already settles a failure, so none goes unhandled.
      void share(
        key,
        new Promise<CachedContext[]>((resolve, reject) => {
          const timer = setTimeout(() => {
            offers.delete(key);
            read('getContactContexts', { emails }).then(resolve, reject);
          }, 400);
          offers.set(key, (rows) => {
            clearTimeout(timer);
            offers.delete(key);
            resolve(rows);
          });
        }),
      );
    },
    offer(emails, rows) {
      const key = emails.join(',');
      const waiting = offers.get(key);
      if (waiting) waiting(rows);
      // Kept for the first render unless a request already took them. The first contact's snapshot
      // comes before its contexts so the UI loads meanwhile: the UI then renders them from here.
      // Only the latest snapshot's people are kept: an older offer would be shown as new.
      if (!waiting || (expected?.key === key && !expected.claimed)) offered = { key, rows };
    },
    /**
     * A new snapshot arrived: contexts kept from before it are not its own. They are left
     * over from a snapshot the frame had already shown (sent again after the worker
     * restarted), and by the time that contact is shown again they may be out of date.
     */
    newSnapshot() {
      offered = undefined;
    },
    takeOffered(emails) {
      const key = emails.join(',');
      if (offered?.key !== key) return undefined;
      const { rows } = offered;
      offered = undefined;
      return rows;
    },
    getReasons: () => read('getReasons', {}),
    getConnection: () => read('getConnectionStatus', {}),
    openSettings: () => void browser.runtime.openOptionsPage(),
    submit: (input) => sendMessage('submitLeadFeedback', input),
    undo: async (id) => {
      const { retracted } = await sendMessage('retractLeadFeedback', { id });
      if (!retracted) throw new Error('it is already on its way to the CRM');
    },
    loadOpen,
    saveOpen: async (open) => {
      await browser.storage.local.set({ [OPEN_KEY]: open });
    },
  };
}

/** Whether the rep left the sidebar open (the default) or collapsed to its tab. */
export async function loadOpen(): Promise<boolean> {
  const stored = await browser.storage.local.get(OPEN_KEY);
  return stored[OPEN_KEY] !== false;
}

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
