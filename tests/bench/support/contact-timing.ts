import type { CDPSession, Frame, Page } from 'playwright-core';
import { pathCpu, traceAll, type PathCpu } from './browser-trace';
import type { BenchThread } from './gmail-app';

/**
 * One contact shown: `ms` to the name painted (see timeContact); `screen` and `subject`
 * (ms from the same start) when the name and the thread's own subject reached the screen,
 * NaN where the browser reported neither within 2 s.
 */
export type Sample = { ms: number; cpu?: PathCpu; screen: number; subject: number };
export type Tracer = { cdp: CDPSession; extensionId: string };

/** Rejects after `ms`: an awaited promise in a page has no timeout of its own. */
const within = <T>(ms: number, what: string, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

type Timed = Window & { __painted?: Promise<number>; __onScreen?: Promise<number> };
type ElementEntry = PerformanceEntry & { identifier: string; renderTime: number; element: Element | null };

/**
 * Milliseconds from the page putting a thread's people into its DOM (`__renderedAt`, set
 * by the page's own router) to the first animation frame in the sidebar frame after the
 * contact's name is there — the frame in which it is painted. Both ends use
 * performance.timeOrigin + now(), the same wall clock in both processes. Traced, it also
 * returns Leadlight's CPU time between the same two moments (marked in the trace).
 *
 * The paint is awaited inside the frame, never polled: a poll is a DevTools call through the
 * browser's UI thread into the frame every 20 ms, in the middle of the path being timed. In an
 * A/B here (180 switches each, alternated) polling added 3 ms to the p95 (27.0 against 24.3).
 *
 * That animation frame is where the name's paint starts. When it reached the screen is read
 * afterwards from Element Timing, for the name and, in the page, for the thread's own subject.
 */
export async function timeContact(page: Page, frame: Frame, t: BenchThread, tracer?: Tracer): Promise<Sample> {
  let renderedAt = NaN;
  const measure = async () => {
    await frame.evaluate((name) => {
      const w = window as Timed;
      w.__painted = new Promise((resolve) => {
        const shown = () => [...document.querySelectorAll('[data-testid="contact-name"]')].some((e) => e.textContent === name);
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            console.timeStamp('ll:painted');
            resolve(performance.timeOrigin + performance.now());
          });
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      });
      w.__onScreen = new Promise((resolve) => {
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as ElementEntry[]) {
            if (e.identifier !== 'contact-name' || e.element?.textContent !== name || !e.renderTime) continue;
            observer.disconnect();
            resolve(performance.timeOrigin + e.renderTime);
          }
        });
        observer.observe({ type: 'element', buffered: false });
      });
    }, t.name);
    // Asked before the switch, so no call reaches the frame while the contact travels to it.
    const painted = frame.evaluate(() => (window as Timed).__painted!);
    await page.evaluate((id) => (location.hash = `#inbox/${id}`), t.id);
    const paintedAt = await within(10_000, `${t.name} painted in the sidebar`, painted);
    renderedAt = await page.evaluate(() => (window as unknown as { __renderedAt: number }).__renderedAt);
    return paintedAt - renderedAt;
  };
  const onScreen = async () => {
    const at = (what: string, p: Promise<number>) =>
      within(2_000, what, p).then(
        (v) => v - renderedAt,
        () => NaN,
      );
    const [screen, subject] = await Promise.all([
      at(
        `${t.name} on screen`,
        frame.evaluate(() => (window as Timed).__onScreen!),
      ),
      at(
        `thread ${t.id} on screen`,
        page.evaluate((id) => (window as unknown as { __whenShown: (id: string) => Promise<number> }).__whenShown(id), t.id),
      ),
    ]);
    return { screen, subject };
  };
  if (!tracer) {
    const ms = await measure();
    return { ms, ...(await onScreen()) };
  }
  let ms = NaN;
  const events = await traceAll(tracer.cdp, async () => {
    ms = await measure();
  });
  return { ms, cpu: pathCpu(events, 'll:rendered', 'll:painted', tracer.extensionId), ...(await onScreen()) };
}
