import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForDetections } from '@/lib/background/detection-listener';
import { DETECTION_PORT } from '@/lib/messaging/detection-port';
import type { Handlers } from '@/lib/messaging/handlers';
import { connectSidebarChannel } from '@/lib/messaging/sidebar-channel';
import type { PageSnapshot } from '@/lib/messaging/sidebar-port';
import { fakePort, type Listener } from '../support/fake-port';

const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';
// The rep looked Grace up from the context menu on a thread with Ada: the page lists her first.
const lookedUp: PageSnapshot = {
  page: 'p1',
  seq: 4,
  participants: [{ email: GRACE }, { email: ADA }],
  toggles: 0,
  lookup: { email: GRACE, seq: 1 },
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the lookup marker on its way from the page to the sidebar', () => {
  it('passes the background’s check of the content script’s snapshot', async () => {
    let connect!: Listener;
    vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: Listener) => (connect = l)) as never);
    const reportDetection = vi.fn(async () => undefined);
    listenForDetections({ reportDetection } as unknown as Handlers, Promise.resolve());
    const port = fakePort(DETECTION_PORT, { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 } });
    connect(port);
    port.deliver(lookedUp);
    port.deliver({ ...lookedUp, seq: 5, lookup: { email: 'not an address', seq: 2 } });
    await vi.waitFor(() => expect(reportDetection).toHaveBeenCalledTimes(1));
    expect((reportDetection.mock.calls[0] as unknown[])[0]).toEqual(lookedUp);
  });

  it('reaches the frame’s state with the snapshot', () => {
    vi.spyOn(browser.runtime, 'connect').mockImplementation((() => fakePort('sidebar')) as never);
    const channel = connectSidebarChannel('p1');
    channel.receive({ type: 'detected', snapshot: lookedUp });
    expect(channel.get()).toMatchObject({ participants: [{ email: GRACE }, { email: ADA }], lookup: { email: GRACE, seq: 1 } });
  });
});
