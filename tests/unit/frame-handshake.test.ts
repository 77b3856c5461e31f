import { describe, expect, it, vi } from 'vitest';
import { answerFrame, detectionsFromParent, pagesFromParent } from '@/lib/messaging/frame-handshake';

const ORIGIN = 'chrome-extension://leadlight-test-id';

/** A window's message listeners, and what was posted to a window, with the origin it was meant for. */
function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  const posted: [unknown, string][] = [];
  return {
    posted,
    addEventListener: (_t: 'message', l: (e: MessageEvent) => void) => void listeners.add(l),
    removeEventListener: (_t: 'message', l: (e: MessageEvent) => void) => void listeners.delete(l),
    transferred: [] as unknown[][],
    postMessage(m: unknown, origin: string, transfer: unknown[] = []) {
      posted.push([m, origin]);
      this.transferred.push(transfer);
    },
    /** A message event arriving at this window. */
    receive: (data: unknown, source: unknown, origin = ORIGIN, ports: unknown[] = []) =>
      listeners.forEach((l) => l({ data, source, origin, ports } as unknown as MessageEvent)),
  };
}

/** The content script of page load p-secret answering in `host` for the frame window `frame`. */
const answerAs = (
  host: ReturnType<typeof fakeWindow>,
  frame: unknown,
  handOver?: () => MessagePort,
  signal = new AbortController().signal,
) =>
  answerFrame(
    host,
    () => frame as Window,
    'p-secret',
    () => [ORIGIN],
    signal,
    handOver,
  );

describe('the page load id, from the content script to its own frame', () => {
  it('is sent only to the frame element’s window, while it holds a Leadlight page', () => {
    const host = fakeWindow();
    const frame = fakeWindow();
    const copy = fakeWindow();
    const controller = new AbortController();
    answerAs(host, frame, undefined, controller.signal);
    // A copy of the frame the page embedded asks: no answer.
    host.receive({ leadlight: 'frame-ready' }, copy);
    // The frame navigated to a page of the host's own: no answer.
    host.receive({ leadlight: 'frame-ready' }, frame, 'https://mail.google.com');
    host.receive({ leadlight: 'something-else' }, frame);
    expect([copy.posted, frame.posted]).toEqual([[], []]);
    host.receive({ leadlight: 'frame-ready' }, frame);
    expect(frame.posted).toEqual([[{ leadlight: 'page', page: 'p-secret' }, ORIGIN]]);
  });

  it('comes with a new snapshot port from the content script each time its own frame asks', () => {
    const host = fakeWindow();
    const frame = fakeWindow();
    const copy = fakeWindow();
    let made = 0;
    answerAs(host, frame, () => `port-${++made}` as unknown as MessagePort);
    host.receive({ leadlight: 'frame-ready' }, copy);
    host.receive({ leadlight: 'frame-ready' }, frame);
    host.receive({ leadlight: 'frame-ready' }, frame);
    expect(frame.transferred).toEqual([['port-1'], ['port-2']]);
  });

  it('is still sent when no snapshot port can be made', () => {
    const host = fakeWindow();
    const frame = fakeWindow();
    const fail = () => {
      throw new Error('no port');
    };
    answerAs(host, frame, fail);
    host.receive({ leadlight: 'frame-ready' }, frame);
    expect(frame.posted).toEqual([[{ leadlight: 'page', page: 'p-secret' }, ORIGIN]]);
  });

  it('is asked for again by a frame whose worker was stopped, which takes a port only with its own load’s id', async () => {
    const frame = fakeWindow();
    const parent = fakeWindow();
    const asked = detectionsFromParent(frame, parent, 'p-secret');
    expect(parent.posted).toEqual([[{ leadlight: 'frame-ready' }, '*']]);
    frame.receive({ leadlight: 'page', page: 'made-up' }, parent, ORIGIN, ['page-port']);
    frame.receive({ leadlight: 'page', page: 'p-secret' }, fakeWindow(), ORIGIN, ['other-window-port']);
    // The page load's id alone, as the host page may echo it: no port to take yet.
    frame.receive({ leadlight: 'page', page: 'p-secret' }, parent, ORIGIN, []);
    frame.receive({ leadlight: 'page', page: 'p-secret' }, parent, ORIGIN, ['script-port']);
    await expect(asked).resolves.toBe('script-port');
    vi.useFakeTimers();
    const unanswered = detectionsFromParent(frame, parent, 'p-secret');
    vi.advanceTimersByTime(1_000);
    await expect(unanswered).resolves.toBeUndefined();
    vi.useRealTimers();
  });

  it('is taken by the frame from its parent alone, the first well-formed one at once', () => {
    const frame = fakeWindow();
    const parent = fakeWindow();
    const other = fakeWindow();
    const pages: string[] = [];
    const ports: unknown[] = [];
    pagesFromParent(frame, parent, (page, port) => pages.push(page) && ports.push(port));
    expect(parent.posted).toEqual([[{ leadlight: 'frame-ready' }, '*']]);
    frame.receive({ leadlight: 'page', page: 'from-another-window' }, other);
    frame.receive({ leadlight: 'page', page: 42 }, parent);
    frame.receive({ leadlight: 'page', page: 'x'.repeat(101) }, parent);
    frame.receive({ leadlight: 'page', page: '' }, parent);
    expect(pages).toEqual([]);
    frame.receive({ leadlight: 'page', page: 'p-secret' }, parent, ORIGIN, ['script-port']);
    expect(pages).toEqual(['p-secret']);
    expect(ports).toEqual(['script-port']);
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
