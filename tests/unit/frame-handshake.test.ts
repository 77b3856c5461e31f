import { describe, expect, it, vi } from 'vitest';
import { answerFrame, pagesFromParent } from '@/lib/messaging/frame-handshake';

const ORIGIN = 'chrome-extension://leadlight-test-id';

/** A window's message listeners, and what was posted to a window, with the origin it was meant for. */
function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  const posted: [unknown, string][] = [];
  return {
    posted,
    addEventListener: (_t: 'message', l: (e: MessageEvent) => void) => void listeners.add(l),
    removeEventListener: (_t: 'message', l: (e: MessageEvent) => void) => void listeners.delete(l),
    postMessage: (m: unknown, origin: string) => void posted.push([m, origin]),
    /** A message event arriving at this window. */
    receive: (data: unknown, source: unknown, origin = ORIGIN) =>
      listeners.forEach((l) => l({ data, source, origin } as unknown as MessageEvent)),
  };
}

describe('the page load id, from the content script to its own frame', () => {
  it('is sent only to the frame element’s window, while it holds a Leadlight page', () => {
    const host = fakeWindow();
    const frame = fakeWindow();
    const copy = fakeWindow();
    const controller = new AbortController();
    answerFrame(
      host,
      () => frame,
      'p-secret',
      () => [ORIGIN],
      controller.signal,
    );
    // A copy of the frame the page embedded asks: no answer.
    host.receive({ leadlight: 'frame-ready' }, copy);
    // The frame navigated to a page of the host's own: no answer.
    host.receive({ leadlight: 'frame-ready' }, frame, 'https://mail.google.com');
    host.receive({ leadlight: 'something-else' }, frame);
    expect([copy.posted, frame.posted]).toEqual([[], []]);
    host.receive({ leadlight: 'frame-ready' }, frame);
    expect(frame.posted).toEqual([[{ leadlight: 'page', page: 'p-secret' }, ORIGIN]]);
  });

  it('is taken by the frame from its parent alone, the first well-formed one at once', () => {
    const frame = fakeWindow();
    const parent = fakeWindow();
    const other = fakeWindow();
    const pages: string[] = [];
    pagesFromParent(frame, parent, (page) => pages.push(page));
    expect(parent.posted).toEqual([[{ leadlight: 'frame-ready' }, '*']]);
    frame.receive({ leadlight: 'page', page: 'from-another-window' }, other);
    frame.receive({ leadlight: 'page', page: 42 }, parent);
    frame.receive({ leadlight: 'page', page: 'x'.repeat(101) }, parent);
    frame.receive({ leadlight: 'page', page: '' }, parent);
    expect(pages).toEqual([]);
    frame.receive({ leadlight: 'page', page: 'p-secret' }, parent);
    expect(pages).toEqual(['p-secret']);
  });

  it('is still taken when the host page answered first with a load it made up: the frame tries both', () => {
    vi.useFakeTimers();
    const frame = fakeWindow();
    const parent = fakeWindow();
    const pages: string[] = [];
    pagesFromParent(frame, parent, (page) => pages.push(page));
    frame.receive({ leadlight: 'page', page: 'made-up' }, parent);
    frame.receive({ leadlight: 'page', page: 'p-secret' }, parent);
    frame.receive({ leadlight: 'page', page: 'made-up' }, parent);
    expect(pages).toEqual(['made-up', 'p-secret']);
    // A few for a short while, not as many as the page cares to send.
    for (let i = 0; i < 10; i++) frame.receive({ leadlight: 'page', page: `flood-${i}` }, parent);
    expect(pages).toEqual(['made-up', 'p-secret', 'flood-0', 'flood-1']);
    const late = fakeWindow();
    pagesFromParent(late, parent, (page) => pages.push(page));
    vi.advanceTimersByTime(2_000);
    late.receive({ leadlight: 'page', page: 'too-late' }, parent);
    expect(pages).not.toContain('too-late');
    vi.useRealTimers();
  });
});
