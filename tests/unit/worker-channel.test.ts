import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers } from '@/lib/messaging/handlers';
import type { SenderInfo } from '@/lib/messaging/handlers/deps';
import { listenForPostedRequests, type PostedEvent } from '@/lib/messaging/posted-requests';
import type { ChannelReply } from '@/lib/messaging/worker-channel';
import { createWorkerChannel } from '@/lib/messaging/worker-channel';
import { createContact } from '../factories';
import { contactRow } from '@/lib/db/contact-rows';

const OWN = 'chrome-extension://leadlight-test-id';
const FRAME = `${OWN}/sidebar.html`;

let db: LeadlightDb;
let deliver: (event: PostedEvent) => void;
let senderOf: (url: string, page?: string) => SenderInfo | null;
let opened: [string, MessagePort][];
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`channel-${crypto.randomUUID()}`);
  await db.contacts.put(contactRow(createContact({ email: 'grace.hopper@navy.example', name: 'Grace Hopper' }), []));
  const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
  senderOf = (url) => ({ id: 'leadlight-test-id', url, tab: { id: 7 } });
  opened = [];
  listenForPostedRequests(
    { addEventListener: (_type, listener) => (deliver = listener) },
    handlers,
    Promise.resolve(),
    'leadlight-test-id',
    () => [OWN],
    { sender: (url, page) => senderOf(url, page), opened: (page, port) => opened.push([page, port]) },
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

/** Opens a channel as a page at `url` would, and sends requests on it; 'no answer' when none comes. */
function openChannel(url = FRAME, origin = OWN, page?: unknown) {
  const { port1, port2 } = new MessageChannel();
  const replies = new Map<number, (r: ChannelReply) => void>();
  port1.onmessage = (e: MessageEvent<ChannelReply>) => replies.get(e.data.id)?.(e.data);
  deliver({
    origin,
    source: { url },
    data: page === undefined ? { channel: 'open' } : { channel: 'open', page },
    ports: [port2],
    waitUntil: () => undefined,
  });
  let id = 0;
  return {
    ask(type: string, data: unknown): Promise<ChannelReply | 'no answer'> {
      const n = ++id;
      port1.postMessage({ id: n, type, data });
      return Promise.race([
        new Promise<ChannelReply>((r) => replies.set(n, r)),
        new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), 100)),
      ]);
    },
    close: () => port1.close(),
  };
}

describe('a page’s channel, in the service worker', () => {
  it('answers a lookup from Leadlight’s sidebar frame as runtime messaging would', async () => {
    const channel = openChannel();
    const reply = await channel.ask('getContactContexts', { emails: ['grace.hopper@navy.example'] });
    expect(reply).toMatchObject({ id: 1, res: [{ email: 'grace.hopper@navy.example', context: { contact: { name: 'Grace Hopper' } } }] });
    channel.close();
  });

  it('takes only the listed reads, each checked by its schema', async () => {
    const channel = openChannel();
    expect(await channel.ask('deleteAllLocalData', { confirm: 'DELETE' })).toEqual({
      id: 1,
      err: 'deleteAllLocalData is not accepted this way',
    });
    expect(await channel.ask('getContactContexts', { emails: 'grace.hopper@navy.example' })).toMatchObject({
      id: 2,
      err: expect.stringMatching(/^Invalid getContactContexts/) as unknown,
    });
    expect(await db.contacts.count()).toBe(1);
    channel.close();
  });

  it('sends a frame whose tab it does not know yet back to runtime messaging', async () => {
    senderOf = () => null;
    const channel = openChannel();
    expect(await channel.ask('getContactContexts', { emails: ['grace.hopper@navy.example'] })).toEqual({ id: 1, again: true });
    channel.close();
  });

  it('gives the hub the channel of a frame that names its page load, and asks the hub for that load’s tab', async () => {
    const asked: [string, string | undefined][] = [];
    senderOf = (url, page) => {
      asked.push([url, page]);
      return { id: 'leadlight-test-id', url, tab: { id: 7 } };
    };
    const named = openChannel(FRAME, OWN, 'p1');
    await named.ask('getReasons', {});
    // A page id that is no id is not passed on, nor is one on a page that names none.
    const odd = openChannel(FRAME, OWN, { page: 'p1' });
    await odd.ask('getReasons', {});
    const long = openChannel(FRAME, OWN, 'x'.repeat(101));
    await long.ask('getReasons', {});
    expect(opened.map(([page]) => page)).toEqual(['p1']);
    expect(asked).toEqual([
      [FRAME, 'p1'],
      [FRAME, undefined],
      [FRAME, undefined],
    ]);
    [named, odd, long].forEach((c) => c.close());
  });

  it('opens no channel for a page that is not Leadlight’s', async () => {
    const channel = openChannel('https://evil.example/', 'https://evil.example');
    expect(await channel.ask('getContactContexts', { emails: ['grace.hopper@navy.example'] })).toBe('no answer');
    channel.close();
  });
});

describe('createWorkerChannel, in a page', () => {
  /** A worker answering every request with its type, and a watch the test can fire. */
  function fakeWorker() {
    const requests: string[] = [];
    const ports: MessagePort[] = [];
    const opens: unknown[] = [];
    // The snapshot ports passed on, with the channel (its index) they came on.
    const detections: [number, MessagePort][] = [];
    const worker = {
      postMessage(open: unknown, [port]: [MessagePort]) {
        opens.push(open);
        const channel = ports.push(port) - 1;
        port.onmessage = ({ data, ports: passed }: MessageEvent<{ id: number; type: string; detections?: true }>) => {
          if (data.detections) return void detections.push([channel, passed[0]!]);
          requests.push(data.type);
          port.postMessage({ id: data.id, res: `channel:${data.type}` });
        };
      },
    };
    let lost = () => {};
    return { worker, requests, ports, opens, detections, watch: () => ({ onLost: (l: () => void) => (lost = l) }), stop: () => lost() };
  }
  const runtime = vi.fn((type: string) => Promise.resolve(`runtime:${type}`));
  const fallback = runtime as unknown as Parameters<typeof createWorkerChannel>[0];
  beforeEach(() => runtime.mockClear());
  const settle = () => new Promise((r) => setTimeout(r, 10));

  it('asks through runtime messaging until its port is open, then over the port', async () => {
    const w = fakeWorker();
    const send = createWorkerChannel(fallback, { findWorker: () => Promise.resolve(w.worker), watch: w.watch });
    expect(await send('getReasons', {})).toBe('runtime:getReasons');
    await settle();
    expect(await send('getReasons', {})).toBe('channel:getReasons');
    expect(await send('getConnectionStatus', {})).toBe('channel:getConnectionStatus');
    expect(runtime).toHaveBeenCalledTimes(1);
    expect(w.ports).toHaveLength(1);
  });

  it('sends what the stopped worker never answered through runtime messaging, and opens a new port', async () => {
    const w = fakeWorker();
    const send = createWorkerChannel(fallback, { findWorker: () => Promise.resolve(w.worker), watch: w.watch });
    await send('getReasons', {});
    await settle();
    // The worker is gone: the port takes the request and never answers it.
    w.ports[0]!.onmessage = null;
    const cut = send('getContactContexts', { emails: ['grace.hopper@navy.example'] });
    await settle();
    w.stop();
    expect(await cut).toBe('runtime:getContactContexts');
    expect(await send('getReasons', {})).toBe('runtime:getReasons');
    await settle();
    expect(await send('getReasons', {})).toBe('channel:getReasons');
    expect(w.ports).toHaveLength(2);
  });

  it('asks again through runtime messaging when the worker says so', async () => {
    const send = createWorkerChannel(fallback, {
      findWorker: () =>
        Promise.resolve({
          postMessage(_open: unknown, [port]: [MessagePort]) {
            port.onmessage = ({ data }: MessageEvent<{ id: number }>) => port.postMessage({ id: data.id, again: true });
          },
        }),
      watch: () => ({ onLost: () => undefined }),
    });
    await send('getReasons', {});
    await settle();
    expect(await send('getContactContexts', { emails: ['a@b.example'] })).toBe('runtime:getContactContexts');
    expect(runtime).toHaveBeenCalledTimes(2);
  });

  it('uses runtime messaging alone where no service worker runs the background (Firefox)', async () => {
    const send = createWorkerChannel(fallback, { findWorker: () => Promise.resolve(null), watch: () => ({ onLost: () => undefined }) });
    for (let i = 0; i < 3; i++) {
      expect(await send('getReasons', {})).toBe('runtime:getReasons');
      await settle();
    }
  });

  it('takes what the worker sends unasked, opening at once and again as soon as the worker stopped', async () => {
    const w = fakeWorker();
    const pushed: unknown[] = [];
    createWorkerChannel(fallback, {
      findWorker: () => Promise.resolve(w.worker),
      watch: w.watch,
      onPush: (m) => pushed.push(m),
      page: 'p1',
    });
    await settle();
    expect(w.ports).toHaveLength(1);
    // It names its page load: the worker pushes that load's snapshots to it.
    expect(w.opens).toEqual([{ channel: 'open', page: 'p1' }]);
    w.ports[0]!.postMessage({ push: { type: 'contactUpdated', email: 'grace.hopper@navy.example' } });
    await settle();
    expect(pushed).toEqual([{ type: 'contactUpdated', email: 'grace.hopper@navy.example' }]);
    w.stop();
    await vi.waitFor(() => expect(w.ports).toHaveLength(2));
    expect(runtime).not.toHaveBeenCalled();
  });

  it('passes the content script’s snapshot port on each channel it opens, asking for a new one each time', async () => {
    const w = fakeWorker();
    const asked: MessageChannel[] = [];
    createWorkerChannel(fallback, {
      findWorker: () => Promise.resolve(w.worker),
      watch: w.watch,
      onPush: () => undefined,
      page: 'p1',
      detections: { again: async () => asked[asked.push(new MessageChannel()) - 1]!.port2 },
    });
    await vi.waitFor(() => expect(w.detections).toHaveLength(1));
    w.stop();
    await vi.waitFor(() => expect(w.detections).toHaveLength(2));
    expect(w.detections.map(([channel]) => channel)).toEqual([0, 1]);
    expect(asked).toHaveLength(2);
    asked.forEach((c) => c.port1.close());
  });

  it('passes the snapshot port it was given on its first channel, asking for none then', async () => {
    const w = fakeWorker();
    const again = vi.fn(async () => undefined);
    const { port1, port2: first } = new MessageChannel();
    createWorkerChannel(fallback, {
      findWorker: () => Promise.resolve(w.worker),
      watch: w.watch,
      onPush: () => undefined,
      page: 'p1',
      detections: { first, again },
    });
    await vi.waitFor(() => expect(w.detections).toHaveLength(1));
    expect(again).not.toHaveBeenCalled();
    port1.close();
  });

  it('closes the first snapshot port and asks for no other where there is no service worker (Firefox), however often it is used', async () => {
    const again = vi.fn(async () => undefined);
    const { port1, port2: first } = new MessageChannel();
    // Node's message ports say when the other end closed.
    const closed = new Promise((resolve) => port1.addEventListener('close', resolve));
    port1.start();
    const send = createWorkerChannel(fallback, {
      findWorker: () => Promise.resolve(null),
      watch: () => ({ onLost: () => undefined }),
      onPush: () => undefined,
      page: 'p1',
      detections: { first, again },
    });
    for (let i = 0; i < 3; i++) await send('getReasons', {});
    await settle();
    expect(again).not.toHaveBeenCalled();
    await closed;
  });
});
