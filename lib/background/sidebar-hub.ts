import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import { contentMessenger } from '../messaging/content-protocol';
import { isPageId } from '../messaging/frame-handshake';
import { isOwnPage } from '../messaging/own-origins';
import { requests } from '../messaging/requests';
import type { CachedContext } from '../cache/contact-cache';
import type { SenderInfo } from '../messaging/handlers/deps';
import type { ChannelPush } from '../messaging/worker-channel';
import { SIDEBAR_PORT, type PageSnapshot, type ToFrame } from '../messaging/sidebar-port';
import { createFrameChannels } from './frame-channels';

const FromFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), page: z.string().refine(isPageId) }),
  z.object({ type: z.literal('layout'), layout: z.enum(['panel', 'tab', 'none']), seq: z.number().int().nonnegative().optional() }),
]);

type Port = Browser.runtime.Port;

/** How long a snapshot waits for its people's contexts before it goes to the frame alone (see deliver). */
export const HOLD_MS = 50;

/**
 * Connects each tab's content script (detection) to that tab's sidebar frame (UI).
 * Only the background sits between them: the content script reports what the page
 * shows, the frame asks for everything else over the protocol. The last snapshot per
 * tab is kept so a frame that connects late, or reconnects after the worker was
 * stopped, starts from what the page shows; if the worker forgot it, the content
 * script is asked again.
 */
export function createSidebarHub(readContexts?: (tabId: number, emails: string[]) => Promise<CachedContext[]>) {
  const frames = new Map<number, Set<Port>>();
  // The tab of each connected frame, by the page load it names (for ../messaging/serve-channel.ts).
  const tabOfPage = new Map<string, number>();
  const pageOfPort = new Map<Port, string>();
  const snapshots = new Map<number, PageSnapshot>();
  // A load a content script reported is a real frame's: copies of the frame cannot name one.
  const channels = createFrameChannels(
    (page) => [...snapshots.values()].some((s) => s.page === page),
    (page, port) => (port.onmessage = ({ data }: MessageEvent<unknown>) => detectedDirectly(page, data, port)),
  );
  // Per tab, the page load whose frame was sent someone to show: any other frame has no UI loaded yet.
  const showing = new Map<number, string>();
  const sendTo = (port: Port, message: ToFrame) => {
    const channel = channels.get(pageOfPort.get(port));
    if (channel) channel.postMessage({ push: message } satisfies ChannelPush);
    else port.postMessage(message);
  };
  // To the tab's frames, or to `only` of them. A frame sees only its own page load: one the tab's
  // content script did not create (an earlier load's, or a page's copy under another name) hears
  // nothing of this one. A frame gone since has no page load any more, so nothing is posted to it
  // (posting on a closed port throws).
  const post = (tabId: number, page: string, message: ToFrame, only?: Port[]) =>
    (only ?? [...(frames.get(tabId) ?? [])]).forEach((p) => pageOfPort.get(p) === page && sendTo(p, message));

  browser.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== SIDEBAR_PORT) return;
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    // Only our own frame, embedded in a tab, gets a tab's detections, and only once it names its page load.
    if (sender?.id !== browser.runtime.id || !isOwnPage(sender.url, '/sidebar.html') || tabId === undefined) {
      port.disconnect();
      return;
    }
    const set = frames.get(tabId) ?? new Set<Port>();
    frames.set(tabId, set.add(port));
    port.onDisconnect.addListener(() => {
      set.delete(port);
      if (set.size === 0) frames.delete(tabId);
      const page = pageOfPort.get(port);
      pageOfPort.delete(port);
      if (page !== undefined && tabOfPage.get(page) === tabId && ![...set].some((p) => pageOfPort.get(p) === page)) {
        tabOfPage.delete(page);
        if (showing.get(tabId) === page) showing.delete(tabId);
        channels.forget(page);
      }
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = FromFrameSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'hello') return named(tabId, port, message.data.page);
      const page = pageOfPort.get(port);
      if (page === undefined) return;
      const { layout, seq } = message.data;
      // The content script takes a layout only from the frame of its own page load.
      const data = { layout, page, ...(seq === undefined ? {} : { seq }) };
      void contentMessenger.sendMessage('applyLayout', data, { tabId, frameId: 0 }).catch(() => undefined);
    });
  });

  /**
   * A frame named the page load it belongs to, which only the tab's content script can
   * have told it: the address of a frame the page embeds names none. From now on the
   * frame gets that load's snapshots, and any it names falsely get nothing.
   */
  const named = (tabId: number, port: Port, page: string) => {
    pageOfPort.set(port, page);
    tabOfPage.set(page, tabId);
    channels.named(page);
    const known = snapshots.get(tabId);
    if (known?.page === page) deliver(tabId, known, [port]);
    else
      void contentMessenger.sendMessage('getDetection', undefined, { tabId, frameId: 0 }).then(
        (answer) => {
          // Checked as the content script's own reports are (../messaging/requests.ts): an answer is input too.
          const snapshot = requests.reportDetection.safeParse(answer);
          // Asked for this frame: the one it already had is its own to show, as another frame's answer may have been.
          if (snapshot.success && remember(tabId, snapshot.data, false)) deliver(tabId, snapshot.data, [port]);
        },
        () => undefined,
      );
  };
  browser.tabs.onRemoved.addListener((tabId: number) => {
    snapshots.delete(tabId);
    showing.delete(tabId);
  });

  // `reported`: sent by the content script, which sends each snapshot twice (see detectedDirectly).
  const remember = (tabId: number, snapshot: PageSnapshot, reported = true) => {
    const previous = snapshots.get(tabId);
    // Within one page load an older snapshot never replaces a newer one, nor a reported one the
    // same one; a reload starts afresh.
    const same = previous?.page === snapshot.page;
    if (same && (snapshot.seq < previous.seq || (reported && snapshot.seq === previous.seq))) return false;
    snapshots.set(tabId, snapshot);
    return true;
  };

  /**
   * Sends a snapshot to the tab's frames (or to `only`) with its people's contexts. The
   * frame would ask for exactly those next; read here, they save it a round trip, and
   * sent in the same message they spare it rendering a loading state it would replace
   * a moment later. A read slower than HOLD_MS sends the snapshot alone first, so the
   * frame can say it is loading; the contexts follow when read. A snapshot superseded
   * while its contexts were read is not sent: the newer one was, or is on its way.
   */
  const deliver = (tabId: number, snapshot: PageSnapshot, only?: Port[]) => {
    // A frame asked for by name may have gone while the contexts were read: post skips it.
    const send = (message: ToFrame) => post(tabId, snapshot.page, message, only);
    const emails = snapshot.participants.map((p) => p.email);
    if (!readContexts || emails.length === 0) {
      // A panel summoned by the shortcut has its UI loaded and on screen: its first contact waits for
      // their contexts like any later one, instead of flashing "Loading" there.
      if (snapshot.toggles > 0) showing.set(tabId, snapshot.page);
      return send({ type: 'detected', snapshot });
    }
    // A frame that never showed anyone loads its UI on its first snapshot with people: sent at
    // once, the UI loads while the contexts are read, which then follow and are shown from memory.
    let held = showing.get(tabId) === snapshot.page;
    showing.set(tabId, snapshot.page);
    if (!held) send({ type: 'detected', snapshot });
    const timer = held
      ? setTimeout(() => {
          held = false;
          if (snapshots.get(tabId) === snapshot) send({ type: 'detected', snapshot });
        }, HOLD_MS)
      : undefined;
    void readContexts(tabId, emails).then(
      (rows) => {
        clearTimeout(timer);
        if (!held) return send({ type: 'contexts', emails, rows });
        if (snapshots.get(tabId) === snapshot) send({ type: 'detected', snapshot, contexts: { emails, rows } });
      },
      () => {
        clearTimeout(timer);
        if (held && snapshots.get(tabId) === snapshot) send({ type: 'detected', snapshot });
      },
    );
  };

  /** A content script's report: kept for late frames and passed to the tab's frame. */
  const detected = (tabId: number, snapshot: PageSnapshot) => {
    if (remember(tabId, snapshot) && frames.has(tabId)) deliver(tabId, snapshot);
  };

  /**
   * A snapshot on the port a content script handed its frame (../messaging/detection-port.ts),
   * checked as one on its runtime port is. The content script sends each snapshot both ways,
   * and the first to arrive is shown. Taken only for the page load the tab's content script
   * itself reported over its runtime port: a frame passes on the port of any load its parent
   * names, and a host page could name a made-up one, with a port of its own. A port that
   * carries anything a content script never sends is closed: the host page's, flooding the worker.
   */
  const detectedDirectly = (page: string, data: unknown, port: MessagePort) => {
    const tabId = tabOfPage.get(page);
    const snapshot = requests.reportDetection.safeParse(data);
    if (!snapshot.success || snapshot.data.page !== page) {
      port.onmessage = null;
      return port.close();
    }
    if (tabId === undefined || snapshots.get(tabId)?.page !== page) return;
    detected(tabId, snapshot.data);
  };

  return {
    detected,
    /** The hub's part in pages' channels to this worker (../messaging/serve-channel.ts). */
    channel: {
      /**
       * Who a request on a page's channel comes from. The sidebar frame's tab is the one its
       * runtime port connected from, found by the page load it named; until that port has
       * named it the frame asks through runtime messaging instead (null).
       */
      sender(url: string, page?: string): SenderInfo | null {
        const own = { id: browser.runtime.id, url };
        if (!isOwnPage(url, '/sidebar.html')) return own;
        const tab = page === undefined ? undefined : tabOfPage.get(page);
        return tab === undefined ? null : { ...own, tab: { id: tab } };
      },
      /** A sidebar frame's channel: what the hub sends the frame of that page load goes there from now on. */
      opened(page: string, port: MessagePort) {
        channels.opened(page, port, tabOfPage.has(page));
      },
      /** A sidebar frame passed on its content script's snapshot port on its channel. */
      detections(page: string, port: MessagePort, detections: MessagePort) {
        channels.detections(page, port, detections);
      },
    },
    /** A background refresh changed a contact this tab's frame shows. */
    contactUpdated(tabId: number, email: string) {
      const page = snapshots.get(tabId)?.page;
      if (page !== undefined) post(tabId, page, { type: 'contactUpdated', email });
    },
  };
}
