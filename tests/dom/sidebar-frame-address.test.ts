import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createSidebarFrame } from '@/lib/hosts/sidebar-frame';

// The handshake's secret: the page load id the content script tells only its own frame.
const PAGE = 'page-load-secret';
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
// Aborting is the content script going away: it takes its frame with it.
afterEach(() => controller.abort());

/** The frame element's window, as the content script sees it; records what it is told. */
function windowOf(frame: HTMLIFrameElement) {
  const told: [unknown, string][] = [];
  const win = { postMessage: (message: unknown, origin: string) => told.push([message, origin]) };
  Object.defineProperty(frame, 'contentWindow', { configurable: true, get: () => win });
  return { win, told };
}

const ready = (source: unknown, origin: string) =>
  window.dispatchEvent(new MessageEvent('message', { data: { leadlight: 'frame-ready' }, origin, source: source as Window }));
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the sidebar frame element, which the host page can touch', () => {
  it('tells its own window at the extension origin which page load it belongs to', () => {
    const sidebar = createSidebarFrame(document, controller.signal, PAGE);
    sidebar.preload(true);
    const { win, told } = windowOf(sidebar.element!);
    const extension = new URL(browser.runtime.getURL('/sidebar.html')).origin;
    ready(win, extension);
    expect(told).toEqual([[{ leadlight: 'page', page: PAGE }, extension]]);
  });

  it('a page that points the frame at a document of its own gets a fresh frame, and its document never hears the id', async () => {
    const sidebar = createSidebarFrame(document, controller.signal, PAGE);
    sidebar.preload(true);
    const original = sidebar.element!;
    const { win, told } = windowOf(original);
    // A document of the page's own origin (a blob: URL it made) that asks before it finishes loading.
    original.setAttribute('src', `${location.origin}/forged-sidebar.html`);
    ready(win, location.origin);
    await settle();
    expect(told).toEqual([]);
    const fresh = sidebar.element!;
    expect(fresh).not.toBe(original);
    expect(original.isConnected).toBe(false);
    expect(fresh.getAttribute('src')).toBe(browser.runtime.getURL('/sidebar.html'));
    const freshWindow = windowOf(fresh);
    ready(freshWindow.win, location.origin);
    expect(freshWindow.told).toEqual([]);
  });
});
