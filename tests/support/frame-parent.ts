import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FromFrame } from '@/lib/messaging/sidebar-port';
import { recordConnects, type FakePort } from './fake-port';

/** The parent window (host page and content script alike) names a page load to the sidebar frame. */
export const named = (page: string) =>
  window.dispatchEvent(new MessageEvent('message', { data: { leadlight: 'page', page }, source: window }));

/** The frame's runtime ports that named `page`, as the background hears them. */
export const portsNaming = (ports: FakePort[], page: string) =>
  ports.filter((p) => (p.posted as FromFrame[]).some((m) => m.type === 'hello' && m.page === page));

/**
 * A test file's sidebar frame document, set up afresh for each test: the fake browser reset,
 * the frame's runtime ports recorded, and an element to boot the frame into.
 */
export function frameDocument() {
  const doc = { ports: [] as FakePort[], container: document.body };
  beforeEach(() => {
    fakeBrowser.reset();
    doc.ports = recordConnects();
    doc.container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    doc.container.remove();
  });
  return doc;
}
