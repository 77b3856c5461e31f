import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession } from 'playwright-core';
import { browserArgs, extensionArgs, findChromium } from '../../support/chromium.mjs';
import { EXTENSION_DIR } from '../../e2e/support/launch';
import { traced, type TraceEvent } from './machine';

export type BenchBrowser = { context: BrowserContext; cdp: CDPSession; close: () => Promise<void> };

/**
 * Chromium with (or without) the built extension, plus a browser-wide CDP session: a
 * trace started there records every process (host page, sidebar frame, service worker),
 * which a page's own session does not. The session comes over a local debugging port,
 * beside the pipe Playwright drives the browser through.
 */
export async function launchForBench(
  withExtension: boolean,
  html: string,
  reuse?: { profile: string },
  extraArgs: string[] = [],
): Promise<BenchBrowser> {
  // A bench that restarts the browser on the same profile keeps (and removes) the folder itself.
  const profile = reuse?.profile ?? mkdtempSync(join(tmpdir(), 'll-bench-'));
  const args = [...(withExtension ? extensionArgs(EXTENSION_DIR) : browserArgs()), '--remote-debugging-port=0', ...extraArgs];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
    viewport: { width: 1400, height: 900 },
  });
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  if (withExtension && !context.serviceWorkers()[0]) await context.waitForEvent('serviceworker');
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await browser.newBrowserCDPSession();
  return {
    context,
    cdp,
    close: async () => {
      await cdp.detach().catch(() => undefined);
      await context.close();
      if (!reuse) rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Enough to attribute main-thread tasks and script to processes and threads, light enough
// to leave the timings of an untraced run close to this one's.
const CATEGORIES = 'toplevel,devtools.timeline';

/** Traces every process while `during` runs; events carry thread CPU time (`tdur`) beside wall time (`dur`). */
export const traceAll = (cdp: CDPSession, during: () => Promise<void>) => traced(cdp, during, CATEGORIES);

/** The threads whose CPU time is Leadlight's on a contact's path. */
export type PathCpu = { contentScript: number; worker: number; frame: number; total: number };

const threadKey = (e: TraceEvent) => `${e.pid}:${e.tid}`;
const isTask = (e: TraceEvent) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask';
const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

/** The thread CPU time (ms) of events, counted in proportion to their overlap with [from, to]. */
function cpuIn(events: TraceEvent[], from: number, to: number): number {
  let total = 0;
  for (const e of events) {
    if (!e.dur || e.tdur === undefined) continue;
    const overlap = Math.min(to, e.ts + e.dur) - Math.max(from, e.ts);
    if (overlap > 0) total += e.tdur * (overlap / e.dur);
  }
  return total / 1000;
}

/** Outermost events only, so nested calls are not counted twice. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

/**
 * Leadlight's CPU time between two `console.timeStamp` marks (the page's and the
 * frame's): the content script's calls on the host page's main thread, and every task
 * of the extension's service worker and of the sidebar frame's main thread.
 */
export function pathCpu(events: TraceEvent[], startMark: string, endMark: string, extensionId: string): PathCpu | undefined {
  const mark = (m: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const start = mark(startMark);
  const end = mark(endMark);
  if (!start || !end) return undefined;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(threadKey(e), String(e.args?.name));
  // The frame's main thread is the one that stamped the end mark; the worker is the extension's ServiceWorker thread.
  const frameThread = threadKey(end);
  const worker = events.find((e) => urlOf(e).includes(`${extensionId}/background.js`));
  const workerThread = worker ? threadKey(worker) : '';
  const script = outermost(
    events.filter(
      (e) =>
        e.ph === 'X' &&
        threadKey(e) === threadKey(start) &&
        ['FunctionCall', 'EvaluateScript'].includes(e.name) &&
        urlOf(e).startsWith(`chrome-extension://${extensionId}/content-scripts/`),
    ),
  );
  const tasks = (thread: string) => events.filter((e) => isTask(e) && threadKey(e) === thread);
  const contentScript = cpuIn(script, start.ts, end.ts);
  const frame = cpuIn(tasks(frameThread), start.ts, end.ts);
  const sw = workerThread && names.get(workerThread)?.includes('ServiceWorker') ? cpuIn(tasks(workerThread), start.ts, end.ts) : 0;
  return { contentScript, worker: sw, frame, total: contentScript + sw + frame };
}
