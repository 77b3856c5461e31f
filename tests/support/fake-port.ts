import { vi } from 'vitest';
import { browser } from 'wxt/browser';

export type Listener = (...args: unknown[]) => void;

export type PortSender = { id?: string; url?: string; tab?: { id: number }; frameId?: number };

/**
 * One end of a runtime port, as either side sees it (wxt's fake browser has no ports):
 * what was posted on it, and the other side's moves. Posting on a closed port throws,
 * as it does in Chrome and Firefox.
 */
export function fakePort<Posted = unknown>(name: string, sender?: PortSender) {
  const onMessage: Listener[] = [];
  const onDisconnect: Listener[] = [];
  const port = {
    name,
    sender,
    posted: [] as Posted[],
    /** This side called disconnect(). */
    disconnected: false,
    /** Disconnected by either side. */
    closed: false,
    postMessage(m: Posted) {
      if (port.closed) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(m);
    },
    disconnect() {
      port.disconnected = true;
      port.closed = true;
    },
    onMessage: { addListener: (l: Listener) => onMessage.push(l) },
    onDisconnect: { addListener: (l: Listener) => onDisconnect.push(l) },
    /** The other side posts a message. */
    deliver: (m: unknown) => onMessage.forEach((l) => l(m)),
    /** The other side goes away: a frame closed, or the browser stopped the worker. */
    drop() {
      port.closed = true;
      onDisconnect.forEach((l) => l());
    },
  };
  return port;
}

export type FakePort = ReturnType<typeof fakePort>;

/** Each runtime port the code under test opens from now on, as a fake port, in the list returned. */
export function recordConnects(): FakePort[] {
  const ports: FakePort[] = [];
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = fakePort(info.name);
    ports.push(port);
    return port;
  }) as never);
  return ports;
}
