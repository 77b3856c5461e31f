import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSidebarHub } from '@/lib/background/sidebar-hub';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { serveChannel } from '@/lib/messaging/serve-channel';
import type { PageSnapshot, ToFrame } from '@/lib/messaging/sidebar-port';
import { createWorkerChannel, type ChannelOpen } from '@/lib/messaging/worker-channel';
import { createContact } from '../factories';
import { fakePort, type Listener } from '../support/fake-port';

const id = () => fakeBrowser.runtime.id;
const OWN = () => `chrome-extension://${id()}`;
const FRAME = () => `${OWN()}/sidebar.html`;
const GRACE = 'grace.hopper@navy.example';

let db: LeadlightDb;
let handlers: ReturnType<typeof createHandlers>;
let onConnect: Listener;
let hub: ReturnType<typeof createSidebarHub>;
let ports: MessagePort[];
beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(((l: Listener) => (onConnect = l)) as never);
  // The content script has nothing to say about the tab (getDetection).
  vi.spyOn(chrome.tabs, 'sendMessage').mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
    cb({ res: null }),
  );
  db = new LeadlightDb(`hub-channel-${crypto.randomUUID()}`);
  await db.contacts.put(contactRow(createContact({ email: GRACE, name: 'Grace Hopper' }), []));
  handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
  hub = createSidebarHub();
  ports = [];
  runtime.mockClear();
});
afterEach(async () => {
  ports.forEach((p) => p.close());
  await db.delete();
});

/** The background's service worker: each channel a page opens is served as the background serves it. */
const worker = {
  postMessage(open: ChannelOpen, [port]: [MessagePort]) {
    ports.push(port);
    const serving = { handlers, ready: Promise.resolve(), ownId: id(), origins: [OWN()], ...hub.channel };
    serveChannel(port, FRAME(), serving, open.page);
  },
};
/** Runtime messaging from the frame in tab 4: the browser names the sender. */
const runtime = vi.fn((type: string, data: unknown) =>
  dispatch(handlers, id(), type as never, data, { id: id(), url: FRAME(), tab: { id: 4 } }, [OWN()]),
);

/** The sidebar frame of page load `page` in tab 4: its channel to the worker, then its runtime port. */
function frame(page = 'p1') {
  const read = createWorkerChannel(runtime, {
    findWorker: () => Promise.resolve(worker),
    watch: () => ({ onLost: () => undefined }),
    onPush: () => undefined,
    page,
  });
  const port = fakePort<ToFrame>('leadlight-sidebar', { id: id(), url: FRAME(), tab: { id: 4 } });
  const connect = () => {
    onConnect(port);
    port.deliver({ type: 'hello', page });
  };
  const lookUp = () =>
    Promise.race([
      read('getContactContexts', { emails: [GRACE] }).then((rows) => rows.map((r) => r.context?.contact.name)),
      new Promise((r) => setTimeout(() => r('no answer'), 500)),
    ]);
  return { connect, lookUp, port };
}

/** Copies of the frame the host page embeds, each opening a channel under a page load it made up. */
function copies(count: number) {
  for (let i = 0; i < count; i++) {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    worker.postMessage({ channel: 'open', page: `made-up-${i}` }, [port2]);
  }
}
const settle = () => new Promise((r) => setTimeout(r, 20));
const snapshot = (page: string): PageSnapshot => ({ page, seq: 1, participants: [{ email: GRACE }], toggles: 0 });

describe('a sidebar frame’s channel the worker closes', () => {
  it('answers the frame’s read after 16 copies crowded its channel out before its port named the load', async () => {
    const real = frame();
    await settle();
    copies(16);
    await settle();
    real.connect();
    expect(await real.lookUp()).toEqual(['Grace Hopper']);
  });

  it('keeps the channel of a load the content script reported while copies come and go, and answers on it', async () => {
    hub.detected(4, snapshot('p1'));
    const real = frame();
    await settle();
    copies(20);
    await settle();
    real.connect();
    expect(await real.lookUp()).toEqual(['Grace Hopper']);
    expect(runtime).not.toHaveBeenCalled();
  });

  it('answers a frame that replaced its load’s first one when the first one’s port goes and takes the channel with it', async () => {
    const first = frame();
    first.connect();
    await settle();
    const second = frame();
    await settle();
    // The first frame is gone before the second has named the load: the worker forgets the load's channel.
    first.port.drop();
    expect(await second.lookUp()).toEqual(['Grace Hopper']);
    second.connect();
    expect(await second.lookUp()).toEqual(['Grace Hopper']);
  });
});
