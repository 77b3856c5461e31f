import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';

/** The system's colour scheme, which the test switches as the rep would in the OS settings. */
function systemScheme(dark: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation((() => query) as never);
  return (next: boolean) => {
    dark = next;
    listeners.forEach((l) => l());
  };
}

let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue([] as never);
  container = document.body.appendChild(document.createElement('div'));
  window.history.replaceState(null, '', '/sidebar.html?lookup=ada.lovelace%40analytical.example');
});
afterEach(() => {
  vi.restoreAllMocks();
  container.remove();
  window.history.replaceState(null, '', '/');
});

describe('the lookup window (a looked-up address on a page with no sidebar)', () => {
  it('follows the system switching to dark and back while it is open', async () => {
    const switchTo = systemScheme(false);
    bootSidebarFrame(container);
    expect(document.documentElement.dataset.theme).toBe('light');
    switchTo(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    switchTo(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    // The lookup window loads its UI at once: it must have rendered before this document goes away.
    await vi.waitFor(() => expect(container.childElementCount).toBeGreaterThan(0), { timeout: 10_000 });
  });
});
