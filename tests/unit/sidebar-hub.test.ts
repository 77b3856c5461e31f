import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidebarHub, HOLD_MS } from '@/lib/background/sidebar-hub';
import type { PageSnapshot, ToFrame } from '@/lib/messaging/sidebar-port';
import { fakePort as fakeRuntimePort, type Listener, type PortSender } from '../support/fake-port';

/** A frame's runtime port; `page` is the page load the frame names once connected, as the content script told it. */
const fakePort = (sender: PortSender & { page?: string }) => fakeRuntimePort<ToFrame>('leadlight-sidebar', sender);

const snapshot = (seq: number, email = 'ada@analytical.example', page = 'p1'): PageSnapshot => ({
  page,
  seq,
  participants: [{ email }],
  toggles: 0,
});

let onConnect: Listener;
/** A frame connects, then names its page load (unless it has none to name). */
const connect = (port: ReturnType<typeof fakePort>) => {
  onConnect(port);
  const page = (port.sender as { page?: string } | undefined)?.page;
  if (page !== undefined && !port.closed) port.deliver({ type: 'hello', page });
};
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: Listener) => (onConnect = l)) as never);
  // The content script's answers (getDetection) and the layouts sent to it.
  vi.spyOn(chrome.tabs, 'sendMessage').mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
    cb({ res: snapshot(1, 'from-page@x.example') }),
  );
});

/** The sidebar frame the content script created in `tab`, naming the page load it belongs to. */
const own = (tab = 4, page = 'p1') => ({
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/sidebar.html`,
  tab: { id: tab },
  page,
});

describe('sidebar hub', () => {
  it("passes a tab's detections only to that tab's frame, newest first", async () => {
    const hub = createSidebarHub();
    const frame4 = fakePort(own(4));
    const frame5 = fakePort(own(5));
    hub.detected(4, snapshot(1));
    connect(frame4);
    connect(frame5);
    // A late frame starts from what its tab showed.
    expect(frame4.posted).toEqual([{ type: 'detected', snapshot: snapshot(1) }]);
    hub.detected(4, snapshot(3, 'grace@navy.example'));
    hub.detected(4, snapshot(2, 'stale@x.example'));
    expect(frame4.posted.map((m) => m.type === 'detected' && m.snapshot.seq)).toEqual([1, 3]);
    // A reload starts a new count, for the new load's frame: the earlier load's hears nothing of it.
    hub.detected(4, snapshot(1, 'after-reload@x.example', 'p2'));
    const reloaded = fakePort(own(4, 'p2'));
    connect(reloaded);
    expect(reloaded.posted).toEqual([{ type: 'detected', snapshot: snapshot(1, 'after-reload@x.example', 'p2') }]);
    expect(frame4.posted).toHaveLength(2);
    expect(frame5.posted.filter((m) => m.type === 'detected' && m.snapshot.participants[0]?.email !== 'from-page@x.example')).toEqual([]);
  });

  it('hands a frame only its own page load’s snapshot: after a reload it asks the page instead', async () => {
    const hub = createSidebarHub();
    hub.detected(4, snapshot(1, 'before-reload@x.example', 'p1'));
    vi.mocked(chrome.tabs.sendMessage).mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
      cb({ res: snapshot(1, 'from-page@x.example', 'p0') }),
    );
    const reloaded = fakePort(own(4, 'p0'));
    connect(reloaded);
    await vi.waitFor(() => expect(reloaded.posted).toEqual([{ type: 'detected', snapshot: snapshot(1, 'from-page@x.example', 'p0') }]));
    const same = fakePort(own(5, 'p1'));
    hub.detected(5, snapshot(2, 'ada@analytical.example', 'p1'));
    connect(same);
    expect(same.posted).toEqual([{ type: 'detected', snapshot: snapshot(2, 'ada@analytical.example', 'p1') }]);
  });

  it('refuses ports from anything but its own sidebar page in a tab', () => {
    createSidebarHub();
    for (const sender of [
      { id: 'other-extension', url: 'chrome-extension://other/sidebar.html', tab: { id: 4 } },
      { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`, tab: { id: 4 } },
      { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 } },
      { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidebar.html` },
    ]) {
      const port = fakePort(sender);
      connect(port);
      expect(port.disconnected).toBe(true);
    }
  });

  it("sends a frame's layout to its own tab's content script, and only well-formed ones", async () => {
    createSidebarHub();
    // A frame that has not named its page load lays nothing out.
    const unnamed = fakePort({ ...own(7), page: undefined });
    connect(unnamed);
    unnamed.deliver({ type: 'layout', layout: 'none' });
    const frame = fakePort(own(7));
    connect(frame);
    const send = vi.mocked(chrome.tabs.sendMessage);
    send.mockClear();
    frame.deliver({ type: 'layout', layout: 'panel' });
    frame.deliver({ type: 'layout', layout: 'fullscreen' });
    frame.deliver({ type: 'submitLeadFeedback', data: {} });
    // The snapshot a layout was decided for travels with it; a malformed one sinks the message.
    frame.deliver({ type: 'layout', layout: 'tab', seq: 3 });
    frame.deliver({ type: 'layout', layout: 'none', seq: -1 });
    frame.deliver({ type: 'layout', layout: 'none', seq: '2' });
    const layouts = () => send.mock.calls.filter((c) => (c[1] as { type: string }).type === 'applyLayout');
    await vi.waitFor(() => expect(layouts()).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(layouts()).toHaveLength(2);
    // Each names the page load of the frame that asked, which the content script checks against its own.
    expect(layouts()[0]!.slice(0, 3)).toEqual([7, expect.objectContaining({ data: { layout: 'panel', page: 'p1' } }), { frameId: 0 }]);
    expect(layouts()[1]![1]).toEqual(expect.objectContaining({ data: { layout: 'tab', page: 'p1', seq: 3 } }));
    expect(send.mock.calls.every((c) => c[0] === 7)).toBe(true);
  });

  it('reads the contexts of newly detected people and sends them with the snapshot, saving the frame a round trip', async () => {
    const rows = [{ email: 'ada@analytical.example', context: null }];
    const read = vi.fn(async () => rows);
    const hub = createSidebarHub(read);
    hub.detected(4, snapshot(1)); // no frame yet: nothing is read
    expect(read).not.toHaveBeenCalled();
    const frame = fakePort(own(4));
    connect(frame);
    // The frame's first snapshot with someone in it goes at once (the frame loads its UI on it),
    // before the contexts are read; they follow as soon as they are.
    expect(frame.posted).toEqual([{ type: 'detected', snapshot: snapshot(1) }]);
    await vi.waitFor(() =>
      expect(frame.posted).toEqual([
        { type: 'detected', snapshot: snapshot(1) },
        { type: 'contexts', emails: ['ada@analytical.example'], rows },
      ]),
    );
    frame.posted.length = 0;
    // From then on the frame shows people as they come: each snapshot waits for its contexts.
    hub.detected(4, snapshot(2));
    await vi.waitFor(() =>
      expect(frame.posted.at(-1)).toEqual({
        type: 'detected',
        snapshot: snapshot(2),
        contexts: { emails: ['ada@analytical.example'], rows },
      }),
    );
    expect(frame.posted).toHaveLength(1);
    expect(read).toHaveBeenCalledWith(4, ['ada@analytical.example']);
  });

  it('sends a frame that replaced the page load’s first one its snapshot at once again: the new frame has no UI yet', async () => {
    const rows = [{ email: 'ada@analytical.example', context: null }];
    const hub = createSidebarHub(async () => rows);
    const first = fakePort(own(4));
    connect(first);
    hub.detected(4, snapshot(2));
    await vi.waitFor(() =>
      expect(first.posted).toEqual([
        { type: 'detected', snapshot: snapshot(2) },
        { type: 'contexts', emails: ['ada@analytical.example'], rows },
      ]),
    );
    first.drop();
    const second = fakePort(own(4));
    connect(second);
    expect(second.posted).toEqual([{ type: 'detected', snapshot: snapshot(2) }]);
  });

  it('holds the first contact of a panel the shortcut summoned for their contexts: that panel is on screen already', async () => {
    const rows = [{ email: 'ada@analytical.example', context: null }];
    const hub = createSidebarHub(async () => rows);
    const frame = fakePort(own(4));
    connect(frame);
    frame.posted.length = 0;
    hub.detected(4, { page: 'p1', seq: 2, participants: [], toggles: 1 });
    hub.detected(4, { ...snapshot(3), toggles: 1 });
    await vi.waitFor(() => expect(frame.posted).toHaveLength(2));
    expect(frame.posted[1]).toEqual({
      type: 'detected',
      snapshot: { ...snapshot(3), toggles: 1 },
      contexts: { emails: ['ada@analytical.example'], rows },
    });
  });

  it('takes the content script’s answer for a late frame only when it is a well-formed detection', async () => {
    const hub = createSidebarHub();
    vi.mocked(chrome.tabs.sendMessage).mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
      cb({ res: { page: 'p1', seq: 1, participants: [{ email: 'not an email' }], toggles: 0 } }),
    );
    const frame = fakePort(own(4));
    connect(frame);
    await new Promise((r) => setTimeout(r, 10));
    expect(frame.posted).toEqual([]);
    // Nothing malformed was kept for the tab either: the next report is taken as the first.
    hub.detected(4, snapshot(1));
    expect(frame.posted).toEqual([{ type: 'detected', snapshot: snapshot(1) }]);
  });

  it(`sends the snapshot alone when its contexts take longer than ${HOLD_MS} ms, and the contexts when read`, async () => {
    const rows = [{ email: 'ada@analytical.example', context: null }];
    let finish!: () => void;
    const hub = createSidebarHub(() => new Promise((resolve) => (finish = () => resolve(rows))));
    const frame = fakePort(own(4));
    connect(frame);
    await vi.waitFor(() => expect(frame.posted).toHaveLength(1));
    frame.posted.length = 0;
    hub.detected(4, snapshot(2));
    await new Promise((r) => setTimeout(r, HOLD_MS / 2));
    expect(frame.posted).toEqual([]);
    await vi.waitFor(() => expect(frame.posted).toEqual([{ type: 'detected', snapshot: snapshot(2) }]));
    finish();
    await vi.waitFor(() => expect(frame.posted.at(-1)).toEqual({ type: 'contexts', emails: ['ada@analytical.example'], rows }));
  });

  it('never sends a snapshot superseded while its contexts were read', async () => {
    const finishes: (() => void)[] = [];
    const hub = createSidebarHub(
      (_tab, emails) => new Promise((resolve) => finishes.push(() => resolve(emails.map((email) => ({ email, context: null }))))),
    );
    const frame = fakePort(own(4));
    connect(frame);
    await vi.waitFor(() => expect(finishes).toHaveLength(1));
    finishes[0]!();
    await vi.waitFor(() => expect(frame.posted).toHaveLength(1));
    const detectedSeqs = () => frame.posted.slice(1).flatMap((m) => (m.type === 'detected' ? [m.snapshot.seq] : []));
    // Read quickly, but after a newer one.
    hub.detected(4, snapshot(2, 'ada@analytical.example'));
    hub.detected(4, snapshot(3, 'grace@navy.example'));
    finishes[2]!();
    finishes[1]!();
    await new Promise((r) => setTimeout(r, HOLD_MS * 2));
    expect(detectedSeqs()).toEqual([3]);
    // Still being read when the hold ends, by then superseded.
    hub.detected(4, snapshot(4, 'ada@analytical.example'));
    hub.detected(4, snapshot(5, 'grace@navy.example'));
    finishes[4]!();
    await new Promise((r) => setTimeout(r, HOLD_MS * 2));
    finishes[3]!();
    await new Promise((r) => setTimeout(r, 10));
    expect(detectedSeqs()).toEqual([3, 5]);
  });

  it('sends nothing to a frame that went away while its contexts were read', async () => {
    let finish!: () => void;
    const hub = createSidebarHub(() => new Promise((resolve) => (finish = () => resolve([]))));
    hub.detected(4, snapshot(1));
    const frame = fakePort(own(4));
    connect(frame);
    const sentBefore = [...frame.posted];
    frame.drop();
    // Posting to it would throw in the background, past the hold and after the read.
    await new Promise((r) => setTimeout(r, HOLD_MS * 2));
    finish();
    await new Promise((r) => setTimeout(r, 10));
    expect(frame.posted).toEqual(sentBefore);
  });

  it('sends the snapshot alone when its contexts cannot be read', async () => {
    const hub = createSidebarHub(() => Promise.reject(new Error('database closed')));
    const frame = fakePort(own(4));
    connect(frame);
    await vi.waitFor(() => expect(frame.posted).toHaveLength(1));
    hub.detected(4, snapshot(2));
    await vi.waitFor(() => expect(frame.posted.at(-1)).toEqual({ type: 'detected', snapshot: snapshot(2) }));
    await new Promise((r) => setTimeout(r, HOLD_MS * 2));
    expect(frame.posted).toHaveLength(2);
  });

  it('sends a frame what it shows on the frame’s own channel once it has one, and knows the frame’s tab for its requests', () => {
    const hub = createSidebarHub();
    const url = own(4).url;
    const frame = fakePort(own(4));
    expect(hub.channel.sender(url, 'p1')).toBeNull();
    // The channel may open before the runtime port names the load: it waits for it.
    const onChannel: unknown[] = [];
    hub.channel.opened('p1', { postMessage: (m: unknown) => onChannel.push(m), close: () => undefined } as unknown as MessagePort);
    connect(frame);
    expect(hub.channel.sender(url, 'p1')).toEqual({ id: fakeBrowser.runtime.id, url, tab: { id: 4 } });
    expect(hub.channel.sender(url)).toBeNull();
    const before = frame.posted.length;
    hub.detected(4, snapshot(2));
    hub.contactUpdated(4, 'ada@analytical.example');
    expect(onChannel).toEqual([
      { push: { type: 'detected', snapshot: snapshot(2) } },
      { push: { type: 'contactUpdated', email: 'ada@analytical.example' } },
    ]);
    expect(frame.posted).toHaveLength(before);
    // A channel naming another load (a copy of the frame the page made up a name for) takes nothing meant for this one.
    hub.channel.opened('made-up', { postMessage: () => expect.fail('sent to a made-up load') } as unknown as MessagePort);
    hub.detected(4, snapshot(3));
    expect(onChannel).toHaveLength(3);
    // The frame gone, its channel goes with it; its tab is no longer given to requests.
    frame.drop();
    expect(hub.channel.sender(url, 'p1')).toBeNull();
  });

  it('sends a load’s snapshots only to a frame that names it: a copy the page embeds cannot, whatever it names', async () => {
    const hub = createSidebarHub();
    hub.detected(4, snapshot(1));
    const frame = fakePort(own(4));
    connect(frame);
    expect(frame.posted).toHaveLength(1);
    // The copy's address is the frame's; the load's id it never heard, so it names none, or one it made up.
    const copy = fakePort({ ...own(4), page: undefined });
    connect(copy);
    const madeUp = fakePort(own(4, 'made-up'));
    connect(madeUp);
    // (New to the hub, it asks the page what it shows: the answer is the frame's load, not the made-up one.)
    await new Promise((r) => setTimeout(r, 10));
    expect(vi.mocked(chrome.tabs.sendMessage)).toHaveBeenCalled();
    const channel: unknown[] = [];
    hub.channel.opened('made-up', { postMessage: (m: unknown) => channel.push(m), close: () => undefined } as unknown as MessagePort);
    hub.detected(4, snapshot(2));
    hub.contactUpdated(4, 'ada@analytical.example');
    await new Promise((r) => setTimeout(r, 10));
    expect([copy.posted, madeUp.posted, channel]).toEqual([[], [], []]);
    // Channels of loads no frame has named are kept only a few at a time: copies cannot pile them up in the worker.
    let closed = 0;
    for (let i = 0; i < 20; i++)
      hub.channel.opened(`unnamed-${i}`, { postMessage: () => undefined, close: () => closed++ } as unknown as MessagePort);
    expect(closed).toBe(4);
    expect(frame.posted.map((m) => m.type)).toEqual(['detected', 'detected', 'contactUpdated']);
    // Neither lays the page out: the unnamed one's layout goes nowhere, the other's goes under
    // its made-up name, which the content script refuses (not its own load).
    const send = vi.mocked(chrome.tabs.sendMessage);
    send.mockClear();
    copy.deliver({ type: 'layout', layout: 'none' });
    madeUp.deliver({ type: 'layout', layout: 'none' });
    await new Promise((r) => setTimeout(r, 10));
    expect(send.mock.calls.map((c) => (c[1] as { data?: { page?: string } }).data?.page)).toEqual(['made-up']);
  });
});
