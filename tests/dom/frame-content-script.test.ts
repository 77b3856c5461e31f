import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FRAME_TEST_ID } from '@/lib/hosts/sidebar-frame';
import { startSidebar } from '@/lib/hosts/start-sidebar';
import { OPEN_KEY, type PageSnapshot } from '@/lib/messaging/sidebar-port';
import { recordConnects, type FakePort } from '../support/fake-port';
import { holdIdle, releaseIdle } from '../support/page-idle';
import { peopleHost, showThread } from '../support/people-page';

const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';
// The page's own right margin, which the sidebar's push must give back.
const PAGE_MARGIN = '12px';

const host = peopleHost();

// The extension's id, which an update takes from the old script (fakeBrowser.reset() does not give it back).
const EXTENSION_ID = fakeBrowser.runtime.id;
const sidebarFrame = () => document.querySelectorAll(`iframe[data-testid="${FRAME_TEST_ID}"]`);

let ctx: ContentScriptContext;
let ports: FakePort[];
// The page's idle moments come when the test says, as they come on a real page when they do.
let goIdle: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  goIdle = holdIdle();
  ports = recordConnects();
  document.documentElement.style.marginRight = PAGE_MARGIN;
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
  ctx = new ContentScriptContext('test-mail', { noScriptStartedPostMessage: true });
});
afterEach(() => {
  ctx.abort();
  releaseIdle();
  fakeBrowser.runtime.id = EXTENSION_ID;
  vi.restoreAllMocks();
  fakeBrowser.reset();
  showThread();
  document.documentElement.removeAttribute('style');
});

/** A thread with Ada open, the sidebar's panel pushing the page aside. */
async function threadOpen() {
  showThread(ADA);
  startSidebar(ctx, host);
  await vi.waitFor(() => expect(document.documentElement.style.marginRight).toBe('320px'));
  expect(sidebarFrame()).toHaveLength(1);
  // The page went idle long ago: what the script does then is behind it.
  goIdle();
}

describe('the content script after Leadlight was updated', () => {
  it('stops at the next thread opened: the frame goes and the page gets its own margin back', async () => {
    await threadOpen();
    // Chrome leaves the old script running after an update, without an extension behind it.
    fakeBrowser.runtime.id = undefined as unknown as string;
    showThread(GRACE);
    await vi.waitFor(() => expect(sidebarFrame()).toHaveLength(0));
    expect(document.documentElement.style.marginRight).toBe(PAGE_MARGIN);
    // Nothing more is sent for a dead extension.
    expect(ports.flatMap((p) => p.posted)).toHaveLength(1);
  });

  it('stops as soon as its port to the background closes, without waiting for another thread', async () => {
    await threadOpen();
    await vi.waitFor(() => expect(ports).toHaveLength(1));
    fakeBrowser.runtime.id = undefined as unknown as string;
    ports[0]!.drop();
    expect(sidebarFrame()).toHaveLength(0);
    expect(document.documentElement.style.marginRight).toBe(PAGE_MARGIN);
  });

  it('keeps going when only the background worker stopped: the port closes, the extension is still there', async () => {
    await threadOpen();
    await vi.waitFor(() => expect(ports).toHaveLength(1));
    ports[0]!.drop();
    showThread(GRACE);
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    expect(sidebarFrame()).toHaveLength(1);
    expect(document.documentElement.style.marginRight).toBe('320px');
  });
});

/** A message from the background to this tab's content script (the shape @webext-core/messaging sends). */
async function fromBackground(type: string, data?: unknown): Promise<void> {
  await fakeBrowser.runtime.onMessage
    .trigger({ id: 1, type, data, timestamp: Date.now() }, { id: EXTENSION_ID }, () => undefined)
    .then(() => undefined);
  await new Promise((settled) => setTimeout(settled, 0));
}
const posted = () => ports.flatMap((p) => p.posted) as PageSnapshot[];

describe('a context-menu lookup on a page with a thread open', () => {
  it('sends the frame the person looked up, marked as the lookup, and focuses the sidebar once it shows them', async () => {
    await threadOpen();
    await fromBackground('showContact', { email: 'Grace.Hopper@Navy.example' });
    const snapshot = posted().at(-1)!;
    expect(snapshot.participants.map((p) => p.email)).toEqual([GRACE, ADA]);
    expect(snapshot.lookup).toEqual({ email: GRACE, seq: 1 });
    // The frame renders Grace in its panel and says so.
    await fromBackground('applyLayout', { layout: 'panel', seq: snapshot.seq, page: snapshot.page });
    expect(document.activeElement).toBe(sidebarFrame()[0]);
  });

  it('opens a collapsed sidebar: the page makes room for the panel the frame opens', async () => {
    await browser.storage.local.set({ [OPEN_KEY]: false });
    showThread(ADA);
    startSidebar(ctx, host);
    await vi.waitFor(() => expect(posted()).toHaveLength(1));
    expect(document.documentElement.style.marginRight).toBe(PAGE_MARGIN);
    await fromBackground('showContact', { email: GRACE });
    const snapshot = posted().at(-1)!;
    await fromBackground('applyLayout', { layout: 'panel', seq: snapshot.seq, page: snapshot.page });
    expect(document.documentElement.style.marginRight).toBe('320px');
    expect(document.activeElement).toBe(sidebarFrame()[0]);
  });
});

describe('the rep’s open or collapsed choice, made in another tab', () => {
  it('is followed at this tab’s next contact, though it read the choice before', async () => {
    await threadOpen();
    showThread();
    await vi.waitFor(() => expect(document.documentElement.style.marginRight).toBe(PAGE_MARGIN));
    // The rep collapses the sidebar in another Gmail tab.
    await browser.storage.local.set({ [OPEN_KEY]: false });
    showThread(GRACE);
    await vi.waitFor(() => expect(posted().at(-1)?.participants).toEqual([{ email: GRACE }]));
    expect(document.documentElement.style.marginRight).toBe(PAGE_MARGIN);
    expect((sidebarFrame()[0] as HTMLIFrameElement).style.width).toBe('28px');
  });
});

describe('the host’s theme, switched while a thread stays open', () => {
  afterEach(() => document.body.removeAttribute('style'));

  it('reaches the sidebar when the rep comes back to the tab, read when the page is idle', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    await threadOpen();
    await vi.waitFor(() => expect(posted().at(-1)?.theme).toBe('light'));
    // Gmail's quick settings: the dark theme, in place, with the thread still open.
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    document.dispatchEvent(new Event('visibilitychange'));
    goIdle();
    expect(posted().at(-1)).toMatchObject({ participants: [{ email: ADA }], theme: 'dark' });
  });

  it('reaches the sidebar within a minute though the rep stays on the tab', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      await threadOpen();
      document.body.style.backgroundColor = 'rgb(32, 33, 36)';
      vi.advanceTimersByTime(60_000);
      goIdle();
      expect(posted().at(-1)).toMatchObject({ participants: [{ email: ADA }], theme: 'dark' });
    } finally {
      vi.useRealTimers();
    }
  });
});
