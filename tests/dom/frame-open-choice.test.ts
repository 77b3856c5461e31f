import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';
import { OPEN_KEY, type PageSnapshot, type ToFrame } from '@/lib/messaging/sidebar-port';
import { fakePort } from '../support/fake-port';

const PAGE = 'page-load-1';
const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';

let port: ReturnType<typeof fakePort> | undefined;
let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => (port = fakePort(info.name))) as never);
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  vi.restoreAllMocks();
  container.remove();
});

/** The sidebar frame as a host tab loads it when the page goes idle, told its page load by the content script. */
async function bootFrame() {
  bootSidebarFrame(container);
  window.dispatchEvent(new MessageEvent('message', { data: { leadlight: 'page', page: PAGE }, source: window }));
  await vi.waitFor(() => expect(port).toBeDefined());
  let seq = 0;
  // The background passes on what the page shows, with the people's contexts (here: no records).
  return (...emails: string[]) => {
    const snapshot: PageSnapshot = { page: PAGE, seq: ++seq, participants: emails.map((email) => ({ email })), toggles: 0 };
    const rows = emails.map((email) => ({ email, context: null }));
    port!.deliver({ type: 'detected', snapshot, contexts: { emails, rows } } satisfies ToFrame);
  };
}

describe('a sidebar frame in a tab left open, when the rep collapses or opens the sidebar in another tab', () => {
  it('shows its first contact as the rep last chose, though it read the choice as it loaded', async () => {
    await browser.storage.local.set({ [OPEN_KEY]: true });
    const show = await bootFrame();
    await browser.storage.local.set({ [OPEN_KEY]: false });
    show(ADA);
    expect(await screen.findByTestId('sidebar-tab')).toBeInTheDocument();
    expect(screen.queryByTestId('leadlight-sidebar')).not.toBeInTheDocument();
  });

  it('follows a later choice, on the contact it shows and the next', async () => {
    const show = await bootFrame();
    show(ADA);
    expect(await screen.findByTestId('leadlight-sidebar')).toBeInTheDocument();
    await browser.storage.local.set({ [OPEN_KEY]: false });
    show(GRACE);
    expect(await screen.findByTestId('sidebar-tab')).toBeInTheDocument();
    await browser.storage.local.set({ [OPEN_KEY]: true });
    expect(await screen.findByTestId('leadlight-sidebar')).toBeInTheDocument();
  });
});
