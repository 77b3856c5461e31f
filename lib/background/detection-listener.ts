import { browser } from 'wxt/browser';
import { DETECTION_PORT } from '../messaging/detection-port';
import { dispatch, type Handlers } from '../messaging/handlers';
import { ownOrigins } from '../messaging/own-origins';

/**
 * Receives the content scripts' snapshots (../messaging/detection-port.ts). Each is
 * checked exactly as a runtime `reportDetection` message is, sender and schema, and
 * only then handed on; a port from anything but this extension's script in a tab is closed.
 */
export function listenForDetections(handlers: Handlers, ready: Promise<unknown>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DETECTION_PORT) return;
    const sender = port.sender;
    if (sender?.id !== browser.runtime.id || sender.tab?.id === undefined) return port.disconnect();
    port.onMessage.addListener((snapshot: unknown) => {
      void ready
        .then(() => dispatch(handlers, browser.runtime.id, 'reportDetection', snapshot, sender, ownOrigins()))
        .catch(() => undefined);
    });
  });
}
