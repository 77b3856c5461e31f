import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import { createContactContext } from '../factories';

const ADA = 'ada.lovelace@analytical.example';
const saved = createContactContext({
  contact: { title: 'VP Operations' },
  source: { name: 'HubSpot', dataAsOf: '2026-11-01T09:00:00.000Z' },
});
const fresh = createContactContext({
  contact: { title: 'Chief Operating Officer' },
  source: { name: 'HubSpot', dataAsOf: '2026-11-20T09:00:00.000Z' },
});

let container: HTMLElement;
let reads: number;
beforeEach(() => {
  fakeBrowser.reset();
  reads = 0;
  container = document.body.appendChild(document.createElement('div'));
  // The context-menu lookup: the sidebar document in a window of its own, no host page around it.
  history.replaceState(null, '', `/sidebar.html?lookup=${encodeURIComponent(ADA)}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  container.remove();
  history.replaceState(null, '', '/');
});

/** The background with HubSpot connected: Ada is cached but stale; her refresh is stored `refreshMs` after the first read. */
function background(refreshMs: number) {
  let firstRead: number | undefined;
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: { type: string }, answer: (response: unknown) => void) => {
    if (message.type === 'getContactContexts') {
      reads++;
      firstRead ??= Date.now();
      const done = Date.now() - firstRead >= refreshMs;
      answer({ res: [done ? { email: ADA, context: fresh } : { email: ADA, context: saved, refreshing: true }] });
    } else answer({ res: message.type === 'getReasons' ? FEEDBACK_REASONS : null });
  }) as never);
}

describe('the lookup window, on a contact the background is refreshing from the CRM', () => {
  it('shows the saved data at once, then the refreshed contact once the refresh is stored, and stops saying it is checking', async () => {
    background(2000);
    bootSidebarFrame(container);
    await waitFor(() => expect(screen.getByTestId('contact-header')).toHaveTextContent('VP Operations'), { timeout: 1000 });
    expect(screen.getByText('Checking for updates…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('contact-header')).toHaveTextContent('Chief Operating Officer'), { timeout: 6000 });
    expect(screen.queryByText('Checking for updates…')).not.toBeInTheDocument();
  });

  it('shows the saved data, not a check that never ends, when the CRM has not answered after a few seconds', async () => {
    background(Infinity);
    bootSidebarFrame(container);
    await waitFor(() => expect(screen.getByTestId('contact-header')).toHaveTextContent('VP Operations'), { timeout: 1000 });
    await waitFor(() => expect(screen.queryByText('Checking for updates…')).not.toBeInTheDocument(), { timeout: 9000 });
    expect(screen.getByTestId('contact-header')).toHaveTextContent('VP Operations');
    // Read again a few times only, not for as long as the window stays open.
    const asked = reads;
    await new Promise((r) => setTimeout(r, 500));
    expect(reads).toBe(asked);
  });
});
