import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidebarHub } from '@/lib/background/sidebar-hub';
import type { CachedContext } from '@/lib/cache/contact-cache';
import { listenForPostedRequests, type PostedEvent } from '@/lib/messaging/posted-requests';
import type { Handlers } from '@/lib/messaging/handlers';
import type { PageSnapshot, ToFrame } from '@/lib/messaging/sidebar-port';
import type { ChannelPush } from '@/lib/messaging/worker-channel';
import { fakePort, type Listener } from '../support/fake-port';

const id = () => fakeBrowser.runtime.id;
const OWN = () => `chrome-extension://${id()}`;
const TAB = 4;
const ADA = 'ada@analytical.example';

let onConnect: Listener;
let hub: ReturnType<typeof createSidebarHub>;
let post: (event: PostedEvent) => void;
let open: MessagePort[];
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: Listener) => (onConnect = l)) as never);
  vi.spyOn(chrome.tabs, 'sendMessage').mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
    cb({ res: null }),
  );
  hub = createSidebarHub(async (_tab, emails) => emails.map((email) => ({ email }) as unknown as CachedContext));
  const scope = { addEventListener: (_: 'message', l: (event: PostedEvent) => void) => (post = l) };
  listenForPostedRequests(scope, {} as Handlers, Promise.resolve(), id(), () => [OWN()], hub.channel);
  open = [];
});
afterEach(() => open.forEach((p) => p.close()));

const snapshot = (page: string, seq: number, email = ADA): PageSnapshot => ({ page, seq, participants: [{ email }], toggles: 0 });
const settle = () => new Promise((r) => setTimeout(r, 30));

/** A sidebar frame of page load `page` in the tab with its runtime port alone. */
function runtimeFrame(page: string) {
  const shown: number[] = [];
  const take = (m: ToFrame) => m.type === 'detected' && shown.push(m.snapshot.seq);
  const port = fakePort<ToFrame>('leadlight-sidebar', { id: id(), url: `${OWN()}/sidebar.html`, tab: { id: TAB } });
  port.postMessage = (m: ToFrame) => void take(m);
  onConnect(port);
  port.deliver({ type: 'hello', page });
  return { shown, take };
}

/**
 * The sidebar frame of page load `page` in the tab: its runtime port names the load, its channel
 * to the worker carries the content script's snapshot port. Returns the content script's end of
 * that port and the snapshots the frame is sent, whichever way.
 */
function frame(page: string) {
  const { shown, take } = runtimeFrame(page);
  return { ...channelOf(page, take), shown };
}

/** A frame's channel to the worker naming `page`, with the content script's snapshot port passed on it. */
function channelOf(page: string, take: (m: ToFrame) => unknown) {
  const channel = new MessageChannel();
  const detections = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<ChannelPush>) => take(data.push as ToFrame);
  open.push(channel.port1, detections.port1);
  post({
    origin: OWN(),
    source: { url: `${OWN()}/sidebar.html` },
    data: { channel: 'open', page },
    ports: [channel.port2],
    waitUntil: () => undefined,
  });
  channel.port1.postMessage({ detections: true }, [detections.port2]);
  // Node's message ports say when the other end closed.
  const closed = new Promise<'closed'>((resolve) => detections.port1.addEventListener('close', () => resolve('closed')));
  detections.port1.start();
  return { contentScript: detections.port1, closed };
}

describe('snapshots on the port a content script hands its frame for the worker', () => {
  it('reach the frame, and the same snapshot coming the runtime way too is not sent again', async () => {
    hub.detected(TAB, snapshot('p1', 1));
    const { contentScript, shown } = frame('p1');
    await settle();
    expect(shown).toEqual([1]);
    contentScript.postMessage(snapshot('p1', 2, 'grace@navy.example'));
    await settle();
    expect(shown).toEqual([1, 2]);
    hub.detected(TAB, snapshot('p1', 2, 'grace@navy.example'));
    await settle();
    expect(shown).toEqual([1, 2]);
  });

  it('are taken only for the page load the tab’s content script reported over its runtime port', async () => {
    const early = frame('p1');
    await settle();
    // Nothing reported the runtime way yet: a port alone cannot start a page load.
    early.contentScript.postMessage(snapshot('p1', 1));
    await settle();
    expect(early.shown).toEqual([]);

    hub.detected(TAB, snapshot('p1', 2));
    // The host page offered the frame a made-up load, with a port of its own.
    const forged = frame('made-up');
    await settle();
    forged.contentScript.postMessage(snapshot('made-up', 3, 'mallory@evil.example'));
    forged.contentScript.postMessage(snapshot('p1', 3, 'mallory@evil.example'));
    await settle();
    expect(forged.shown).toEqual([]);
    expect(early.shown).toEqual([2]);
  });

  it('are taken once the frame’s runtime port names its load, when its channel opened first', async () => {
    hub.detected(TAB, snapshot('p1', 1));
    // The channel and the port it carries come before the frame's runtime port has said hello.
    const fromChannel: number[] = [];
    const { contentScript } = channelOf('p1', (m) => m.type === 'detected' && fromChannel.push(m.snapshot.seq));
    await settle();
    const { shown } = runtimeFrame('p1');
    await settle();
    contentScript.postMessage(snapshot('p1', 2, 'grace@navy.example'));
    await settle();
    // The first snapshot went to the frame when it was named; the second came only by the port.
    expect([...shown, ...fromChannel]).toEqual([1, 2]);
  });

  it('are checked as the runtime way’s are, and a port that carries anything else is closed', async () => {
    hub.detected(TAB, snapshot('p1', 1));
    const { contentScript, shown, closed } = frame('p1');
    await settle();
    contentScript.postMessage({ ...snapshot('p1', 2), participants: [{ email: 'not an address' }] });
    contentScript.postMessage(snapshot('p1', 3));
    await expect(closed).resolves.toBe('closed');
    expect(shown).toEqual([1]);
  });

  it('close a port that names another page load than its frame’s', async () => {
    hub.detected(TAB, snapshot('p1', 1));
    const real = frame('p1');
    const forged = frame('made-up');
    await settle();
    forged.contentScript.postMessage(snapshot('p1', 2, 'mallory@evil.example'));
    await expect(forged.closed).resolves.toBe('closed');
    expect(real.shown).toEqual([1]);
  });
});

describe('a page load two frames name before the worker has its snapshot', () => {
  it('is shown in both, each with the snapshot its own request brought', async () => {
    const snap = snapshot('p1', 3);
    vi.mocked(chrome.tabs.sendMessage).mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
      setTimeout(() => cb({ res: snap }), 5),
    );
    // On their runtime ports: channels are one per page load, the newest frame's.
    const a = runtimeFrame('p1');
    const b = runtimeFrame('p1');
    await settle();
    expect([a.shown, b.shown]).toEqual([[3], [3]]);
  });
});
