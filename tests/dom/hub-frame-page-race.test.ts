import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';
import type { ToFrame } from '@/lib/messaging/sidebar-port';
import { createContactContext } from '../factories';
import { frameDocument, named, portsNaming } from '../support/frame-parent';

const PAGE = 'content-script-load';
const ADA = 'ada.lovelace@analytical.example';

const doc = frameDocument();
const naming = (page: string) => portsNaming(doc.ports, page);

describe('a sidebar frame the host page names a made-up page load to, before the content script names the real one', () => {
  it('still shows the real load’s contact, which only a frame naming that load is sent', async () => {
    bootSidebarFrame(doc.container);
    named('made-up-by-the-page');
    named(PAGE);
    await vi.waitFor(() => expect(naming(PAGE)).toHaveLength(1));
    const snapshot = { page: PAGE, seq: 1, participants: [{ email: ADA }], toggles: 0 };
    const rows = [{ email: ADA, context: createContactContext() }];
    naming(PAGE)[0]!.deliver({ type: 'detected', snapshot, contexts: { emails: [ADA], rows } } satisfies ToFrame);
    // The UI is a lazy import: on a busy runner it takes longer than findBy's default second.
    expect(await screen.findByTestId('contact-name', {}, { timeout: 10_000 })).toHaveTextContent('Ada Lovelace');
  });
});

describe('the host’s theme in the frame', () => {
  it('is set when it changes, not again with every snapshot that names it', async () => {
    bootSidebarFrame(doc.container);
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
