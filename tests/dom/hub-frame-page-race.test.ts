import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';
import type { FromFrame, ToFrame } from '@/lib/messaging/sidebar-port';
import { createContactContext } from '../factories';
import { fakePort } from '../support/fake-port';

const PAGE = 'content-script-load';
const ADA = 'ada.lovelace@analytical.example';

let ports: ReturnType<typeof fakePort>[];
let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  ports = [];
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = fakePort(info.name);
    ports.push(port);
    return port;
  }) as never);
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  vi.restoreAllMocks();
  container.remove();
});

/** The parent window (host page and content script alike) names a page load to the frame. */
const named = (page: string) => window.dispatchEvent(new MessageEvent('message', { data: { leadlight: 'page', page }, source: window }));
/** The frame's runtime ports that named `page`, as the background hears them. */
const naming = (page: string) => ports.filter((p) => (p.posted as FromFrame[]).some((m) => m.type === 'hello' && m.page === page));

describe('a sidebar frame the host page names a made-up page load to, before the content script names the real one', () => {
  it('still shows the real load’s contact, which only a frame naming that load is sent', async () => {
    bootSidebarFrame(container);
    named('made-up-by-the-page');
    named(PAGE);
    await vi.waitFor(() => expect(naming(PAGE)).toHaveLength(1));
    const snapshot = { page: PAGE, seq: 1, participants: [{ email: ADA }], toggles: 0 };
    const rows = [{ email: ADA, context: createContactContext() }];
    naming(PAGE)[0]!.deliver({ type: 'detected', snapshot, contexts: { emails: [ADA], rows } } satisfies ToFrame);
    expect(await screen.findByTestId('contact-name')).toHaveTextContent('Ada Lovelace');
  });
});

describe('a frame whose worker was stopped, after the host page named it a made-up page load', () => {
  it('asks the content script for a new snapshot port only for the real load, whose sidebar was sent a snapshot', async () => {
    const opened: { page?: string }[] = [];
    const worker = {
      postMessage: (open: { page?: string }, transfer: MessagePort[]) => {
        opened.push(open);
        transfer.forEach((p) => p.close());
      },
    };
    Object.defineProperty(navigator, 'serviceWorker', { value: { controller: worker }, configurable: true });
    const asked = vi.spyOn(window, 'postMessage');
    try {
      bootSidebarFrame(container);
      const direct = new MessageChannel();
      named('made-up-by-the-page');
      window.dispatchEvent(new MessageEvent('message', { data: { leadlight: 'page', page: PAGE }, source: window, ports: [direct.port2] }));
      await vi.waitFor(() => expect(opened.map((o) => o.page).sort()).toEqual(['content-script-load', 'made-up-by-the-page']));
      const snapshot = { page: PAGE, seq: 1, participants: [{ email: ADA }], toggles: 0 };
      naming(PAGE)[0]!.deliver({ type: 'detected', snapshot } satisfies ToFrame);
      asked.mockClear();
      // The browser stops the worker: every channel's watch port closes, and each sidebar opens its channel again.
      ports.filter((p) => p.name === 'leadlight-channel').forEach((p) => p.drop());
      // The real load's waits up to a second for the content script, which is not here to answer.
      await vi.waitFor(() => expect(opened).toHaveLength(4), { timeout: 3_000 });
      const readies = asked.mock.calls.filter(([m]) => (m as { leadlight?: string }).leadlight === 'frame-ready');
      expect(readies).toHaveLength(1);
      direct.port1.close();
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });
});

describe('the host’s theme in the frame', () => {
  it('is set when it changes, not again with every snapshot that names it', async () => {
    bootSidebarFrame(container);
    named(PAGE);
    await vi.waitFor(() => expect(naming(PAGE)).toHaveLength(1));
    const show = (seq: number, theme: 'light' | 'dark') =>
      naming(PAGE)[0]!.deliver({
        type: 'detected',
        snapshot: { page: PAGE, seq, participants: [{ email: ADA }], toggles: 0, theme },
      } satisfies ToFrame);
    show(1, 'dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    const changes: string[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => changes.push(r.attributeName!)));
    observer.observe(document.documentElement, { attributes: true });
    show(2, 'dark');
    show(3, 'dark');
    await Promise.resolve();
    expect(changes).toEqual([]);
    show(4, 'light');
    await Promise.resolve();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(changes.length).toBeGreaterThan(0);
    observer.disconnect();
  });
});
