import { browser, type Browser } from 'wxt/browser';
import type { PageSnapshot } from './sidebar-port';

/** The content script's connection for what its page shows (see createDetectionSender). */
export const DETECTION_PORT = 'leadlight-detections';

/**
 * Sends the page's snapshots to the background over a long-lived port. A runtime message
 * opens a channel per call: from a content script to the service worker that took
 * 2.5 ms p50 / 5.1 ms p95 one way against a port's 0.6 / 1.8 (load average 6), and every
 * contact takes this path. The port opens with the first snapshot sent, and again after
 * the browser stopped the worker, which closes it. A snapshot lost as the worker stops
 * is not lost for the sidebar: its frame reconnects and the background asks the page.
 *
 * `onExtensionGone` runs when the port closes because the extension itself went (updated,
 * reloaded or removed): this script then has no extension behind it, and Chrome leaves it
 * running, pushing the page aside for a frame that can show nothing.
 */
export function createDetectionSender(onExtensionGone: () => void): {
  send: (snapshot: PageSnapshot) => void;
  handOver: () => MessagePort;
} {
  let port: Browser.runtime.Port | undefined;
  // The direct way, handed to the frame for the worker (see handOver); the runtime port stays,
  // since only it wakes a stopped worker, and the worker drops the copy that arrives second.
  let direct: MessagePort | undefined;
  const open = () => {
    const opened = browser.runtime.connect({ name: DETECTION_PORT });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      // The worker stopping closes the port too; only a lost extension leaves this script without an id.
      if (!browser.runtime?.id) onExtensionGone();
    });
    return (port = opened);
  };
  const send = (snapshot: PageSnapshot) => {
    try {
      direct?.postMessage(snapshot);
    } catch {
      // The runtime port carries it all the same.
    }
    try {
      (port ?? open()).postMessage(snapshot);
    } catch {
      // Closed before its onDisconnect ran: once more on a new port. Failing that, the extension
      // was reloaded or removed, and this page's script has no one left to tell.
      try {
        open().postMessage(snapshot);
      } catch {
        port = undefined;
        if (!browser.runtime?.id) onExtensionGone();
      }
    }
  };
  /**
   * A port for the worker, carried there by the sidebar frame, that joins this script to the
   * worker directly. A runtime port message crosses the browser's UI thread, which at that
   * moment is busy with the page's own navigation: in `npm run bench` a snapshot waited there
   * 5–6 ms, against 0.3 ms on a message port. Each new one replaces the one before.
   */
  const handOver = () => {
    const { port1, port2 } = new MessageChannel();
    direct?.close();
    direct = port1;
    return port2;
  };
  return { send, handOver };
}
