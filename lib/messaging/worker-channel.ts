import type { z } from 'zod';
import { browser } from 'wxt/browser';
import type { MessageType, Responses } from './protocol';
import type { Requests } from './requests';

/**
 * Reads a Leadlight page may send over its own channel to the background's service
 * worker. Only reads: one cut off by the worker being stopped is simply asked again
 * through runtime messaging, which wakes the worker.
 */
export const CHANNEL_REQUESTS = [
  'getContactContexts',
  'getContactContext',
  'searchContacts',
  'getReasons',
  'getConnectionStatus',
] as const satisfies readonly MessageType[];
export type ChannelRequest = (typeof CHANNEL_REQUESTS)[number];

/** Posted to the worker, with the port it is to answer on; the sidebar frame names its page load (./frame-handshake.ts). */
export type ChannelOpen = { channel: 'open'; page?: string };
export type ChannelMessage = { id: number; type: string; data: unknown };
/** Posted on the sidebar frame's channel with its content script's snapshot port (./detection-port.ts). */
export type ChannelDetectionsPort = { detections: true };
/** `again`: the worker cannot answer this one here (it does not know the frame's tab yet); ask through runtime messaging. */
export type ChannelReply = { id: number } & ({ res: unknown } | { err: string } | { again: true });
/** Sent by the worker unasked: what it would otherwise post on the sidebar frame's runtime port (./sidebar-port.ts). */
export type ChannelPush = { push: unknown };
/** Sent by the worker as it closes the channel (a frame's that waited too long, or one it replaced): ask elsewhere. */
export type ChannelClosed = { closed: true };

type Send = <K extends ChannelRequest>(type: K, data: z.input<Requests[K]>) => Promise<Responses[K]>;
type Waiting = { resolve: (v: unknown) => void; reject: (e: Error) => void; again: () => void };

/** A runtime port opened beside the channel. The browser closes it when it stops the worker, which a message port never tells. */
const CHANNEL_WATCH_PORT = 'leadlight-channel';
type Watch = { onLost: (lost: () => void) => void };

/** How long after the worker stopped a page that takes pushes opens its channel again. */
const REOPEN_MS = 100;
/**
 * How long a read waits on the channel before it is asked through runtime messaging, and
 * the channel, which has gone quiet, is given up. Far beyond a read's time (milliseconds,
 * or a CRM's answer for a contact not cached): only a channel that will never answer takes it.
 */

/** What the channel needs of the worker: to be handed the port it answers on. */
type Worker = { postMessage(message: ChannelOpen, transfer: [MessagePort]): void };

/** The service worker this page can post to: its controller, or the active worker of its registration. */
async function serviceWorker(): Promise<Worker | null> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return null;
  return container.controller ?? (await container.ready).active;
}

function watchWorker(): Watch {
  const port = browser.runtime.connect({ name: CHANNEL_WATCH_PORT });
  return { onLost: (lost) => port.onDisconnect.addListener(lost) };
}

type Options = {
  findWorker?: () => Promise<Worker | null>;
  watch?: () => Watch;
  /**
   * What the worker sends unasked. A page that takes pushes (the sidebar frame) opens
   * its channel at once, and again shortly after it is lost, not with its next request.
   */
  onPush?: (message: unknown) => void;
  /** The page load the sidebar frame belongs to: the worker pushes that load's snapshots on this channel only. */
  page?: string;
  /**
   * The content script's snapshot port, passed to the worker on each channel opened: `first` on the
   * first, then one asked for `again` (the worker was stopped, and the port with it).
   */
  detections?: { first?: MessagePort; again: () => Promise<MessagePort | undefined> };
};

/**
 * A page's long-lived message port to the background's service worker. Runtime
 * messaging routes every request through the browser process, twice; this port
 * joins the page and the worker directly (both run in the extension's process). In
 * `npm run bench` (tests/bench/cache-scale.bench.ts), a lookup's round trip among
 * 100k contacts took 2.7 against 6.1 ms median and 8.3 against 14.4 ms p95. The worker
 * checks every request exactly as a runtime message (./serve-channel.ts).
 *
 * Until the port is open, where there is no service worker (Firefox runs the
 * background as a page), and for any request the port loses, `fallback` sends it
 * through runtime messaging. A message port to a stopped worker neither closes nor
 * answers, so a runtime port opened beside it says when the browser stopped the
 * worker: the requests waiting then go through `fallback`, and the next one opens
 * the channel again. A channel the worker closes (it says so first) is given up the same
 * way. A slow answer is not a lost channel: a lookup that waits on the CRM may take seconds, and
 * the worker would go on pushing the page's contacts on a channel the frame no longer heard.
 */
export function createWorkerChannel(
  fallback: Send,
  { findWorker = serviceWorker, watch = watchWorker, onPush, page, detections }: Options = {},
): Send {
  let port: MessagePort | undefined;
  let first = detections?.first;
  let opening = false;
  let seq = 0;
  const waiting = new Map<number, Waiting>();
  // The requests `lost` took go through runtime messaging; the next one opens a new channel.
  const giveUp = (lost: MessagePort) => {
    if (port !== lost) return false;
    port = undefined;
    lost.close();
    const cut = [...waiting.values()];
    waiting.clear();
    cut.forEach((w) => w.again());
    return true;
  };

  const open = () => {
    if (opening || port) return;
    opening = true;
    void findWorker()
      .then((worker) => {
        // Where the background is no service worker (Firefox) the port has nowhere to go: closed, it holds nothing.
        if (!worker) {
          first?.close();
          first = undefined;
          return;
        }
        const { port1, port2 } = new MessageChannel();
        const watcher = watch();
        watcher.onLost(() => {
          // As the frame's runtime port reconnects: not in the same moment the browser stopped the worker.
          if (giveUp(port1) && onPush) setTimeout(open, REOPEN_MS);
        });
        port1.onmessage = ({ data }: MessageEvent<ChannelReply | ChannelPush | ChannelClosed>) => {
          if ('push' in data) return onPush?.(data.push);
          // Not opened again at once: a worker closing copies' channels must not be asked again in a loop.
          if ('closed' in data) return void giveUp(port1);
          const w = waiting.get(data.id);
          if (!w) return;
          waiting.delete(data.id);
          if ('res' in data) w.resolve(data.res);
          else if ('err' in data) w.reject(new Error(data.err));
          else w.again();
        };
        worker.postMessage((page === undefined ? { channel: 'open' } : { channel: 'open', page }) satisfies ChannelOpen, [port2]);
        port = port1;
        // After the channel, not with it: a new port is asked of the content script, which may take a while.
        const passing = first ? Promise.resolve(first) : detections?.again();
        first = undefined;
        void passing?.then(
          (direct) => {
            // One left unpassed would keep every snapshot the content script posts to it.
            if (port !== port1) return direct?.close();
            if (direct) port1.postMessage({ detections: true } satisfies ChannelDetectionsPort, [direct]);
          },
          () => undefined,
        );
      })
      .catch(() => undefined)
      .finally(() => (opening = false));
  };

  const send: Send = (type, data) => {
    const current = port;
    if (!current) {
      open();
      return fallback(type, data);
    }
    return new Promise((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, {
        resolve: (value) => resolve(value as Responses[typeof type]),
        reject,
        again: () => void fallback(type, data).then(resolve, reject),
      });
      current.postMessage({ id, type, data } satisfies ChannelMessage);
    });
  };
  if (onPush) open();
  return send;
}
