import { describe, expect, it, vi } from 'vitest';
import { bootSidebarFrame } from '@/components/sidebar/frame-boot';
import type { ToFrame } from '@/lib/messaging/sidebar-port';
import { frameDocument, named, portsNaming } from '../support/frame-parent';

const PAGE = 'content-script-load';
const ADA = 'ada.lovelace@analytical.example';

// A file of its own: a sidebar booted by another test in the same document would still be
// running here, open a channel to this test's worker and ask the content script for a port.
const doc = frameDocument();
const naming = (page: string) => portsNaming(doc.ports, page);

describe('a frame whose worker was stopped, after the host page named it a made-up page load', () => {
  it('passes a new snapshot port from the content script on the real load’s channel only', async () => {
    // Per channel opened, by the page load it names: the snapshot ports passed on it.
    const channels: { page?: string; passed: number }[] = [];
    const worker = {
      postMessage: (open: { page?: string }, [port]: MessagePort[]) => {
        const channel = { page: open.page, passed: 0 };
        channels.push(channel);
        port!.onmessage = ({ data, ports: passed }: MessageEvent<{ detections?: true }>) => {
          if (data.detections !== true) return;
          channel.passed += 1;
          passed.forEach((p) => p.close());
        };
      },
    };
    Object.defineProperty(navigator, 'serviceWorker', { value: { controller: worker }, configurable: true });
    // The content script: it answers the frame's asking with the real load's id and a new port.
    const scripts: MessageChannel[] = [];
    const answer = () => {
      const channel = scripts[scripts.push(new MessageChannel()) - 1]!;
      window.dispatchEvent(
        new MessageEvent('message', { data: { leadlight: 'page', page: PAGE }, source: window, ports: [channel.port2] }),
      );
    };
    const asked = vi.spyOn(window, 'postMessage').mockImplementation(((m: { leadlight?: string }) => {
      if (m.leadlight === 'frame-ready') setTimeout(answer);
    }) as never);
    try {
      bootSidebarFrame(doc.container);
      named('made-up-by-the-page');
      const passedFor = (page: string) => channels.filter((c) => c.page === page).reduce((n, c) => n + c.passed, 0);
      await vi.waitFor(() => expect(passedFor(PAGE)).toBe(1));
      const snapshot = { page: PAGE, seq: 1, participants: [{ email: ADA }], toggles: 0 };
      naming(PAGE)[0]!.deliver({ type: 'detected', snapshot } satisfies ToFrame);
      asked.mockClear();
      // The browser stops the worker: every channel's watch port closes, and each sidebar opens its channel again.
      doc.ports.filter((p) => p.name === 'leadlight-channel').forEach((p) => p.drop());
      await vi.waitFor(() => expect(channels).toHaveLength(4));
      await vi.waitFor(() => expect(passedFor(PAGE)).toBe(2));
      expect(passedFor('made-up-by-the-page')).toBe(0);
      expect(asked.mock.calls.filter(([m]) => (m as { leadlight?: string }).leadlight === 'frame-ready')).toHaveLength(1);
      // The snapshot named a contact, so the UI loads: it must have rendered before this document goes away.
      await vi.waitFor(() => expect(doc.container.childElementCount).toBeGreaterThan(0), { timeout: 10_000 });
    } finally {
      scripts.forEach((c) => c.port1.close());
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });
});
