import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForDetections } from '@/lib/background/detection-listener';
import { createDetectionSender, DETECTION_PORT } from '@/lib/messaging/detection-port';
import type { Handlers } from '@/lib/messaging/handlers';
import type { PageSnapshot } from '@/lib/messaging/sidebar-port';
import { fakePort, recordConnects, type Listener } from '../support/fake-port';

const snapshot = (seq: number): PageSnapshot => ({ page: 'p1', seq, participants: [{ email: 'ada@analytical.example' }], toggles: 0 });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('detections over the content script’s port', () => {
  it('opens the port with the first snapshot, and a new one each time the worker stopped and closed it', () => {
    const opened = recordConnects();
    const { send } = createDetectionSender(() => undefined);
    expect(opened).toHaveLength(0);
    send(snapshot(1));
    send(snapshot(2));
    expect(opened.map((p) => [p.name, p.posted])).toEqual([[DETECTION_PORT, [snapshot(1), snapshot(2)]]]);
    opened[0]!.drop();
    send(snapshot(3));
    opened[1]!.drop();
    send(snapshot(4));
    expect(opened.map((p) => p.posted)).toEqual([[snapshot(1), snapshot(2)], [snapshot(3)], [snapshot(4)]]);
  });

  it('also posts each snapshot on the port last handed over for the worker, and closes the one it replaces', async () => {
    vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => fakePort(info.name)) as never);
    const { send, handOver } = createDetectionSender(() => undefined);
    const heard = (port: MessagePort) => {
      const got: unknown[] = [];
      port.onmessage = ({ data }) => got.push(data);
      return got;
    };
    send(snapshot(1));
    const first = handOver();
    const onFirst = heard(first);
    // Node's message ports say when the other end closed.
    const firstClosed = new Promise((resolve) => first.addEventListener('close', resolve));
    send(snapshot(2));
    await vi.waitFor(() => expect(onFirst).toEqual([snapshot(2)]));
    const second = handOver();
    const onSecond = heard(second);
    send(snapshot(3));
    await vi.waitFor(() => expect(onSecond).toEqual([snapshot(3)]));
    await firstClosed;
    expect(onFirst).toEqual([snapshot(2)]);
    second.close();
  });

  it('sends the runtime way when the port handed over cannot take a snapshot', () => {
    const opened: ReturnType<typeof fakePort>[] = [];
    vi.spyOn(browser.runtime, 'connect').mockImplementation(
      ((info: { name: string }) => opened[opened.push(fakePort(info.name)) - 1]) as never,
    );
    const { send, handOver } = createDetectionSender(() => undefined);
    vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementation(() => {
      throw new Error('could not be cloned');
    });
    handOver();
    send(snapshot(1));
    expect(opened[0]!.posted).toEqual([snapshot(1)]);
  });

  it('hands on only well-formed snapshots from this extension’s scripts in a tab, checked as runtime messages are', async () => {
    let connect!: Listener;
    vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: Listener) => (connect = l)) as never);
    const reportDetection = vi.fn(async () => undefined);
    listenForDetections({ reportDetection } as unknown as Handlers, Promise.resolve());

    const tab = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 }, frameId: 0 };
    for (const sender of [
      { ...tab, id: 'other-extension' },
      { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/' },
    ]) {
      const port = fakePort(DETECTION_PORT, sender);
      connect(port);
      expect(port.closed).toBe(true);
    }
    const port = fakePort(DETECTION_PORT, tab);
    connect(port);
    expect(port.closed).toBe(false);
    port.deliver(snapshot(1));
    port.deliver({ ...snapshot(2), participants: 'everyone' });
    port.deliver(snapshot(3));
    await vi.waitFor(() => expect(reportDetection).toHaveBeenCalledTimes(2));
    expect(reportDetection.mock.calls.map((c) => (c as unknown[])[0])).toEqual([snapshot(1), snapshot(3)]);
    expect((reportDetection.mock.calls[0] as unknown[])[1]).toMatchObject({ tab: { id: 4 } });
  });
});
