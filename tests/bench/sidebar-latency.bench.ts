import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { it } from 'vitest';
import { FRAME_SELECTOR } from '../e2e/pages/sidebar';
import { launchForBench, type BenchBrowser, type PathCpu } from './support/browser-trace';
import { timeContact, type Sample, type Tracer } from './support/contact-timing';
import { benchThreads, gmailAppHtml, type BenchThread } from './support/gmail-app';
import { machineNote, spread } from './support/machine';
import { percentile, report, type Figure } from './support/figures';

// Fresh tabs and switches alternate between untraced runs (wall-clock figures) and traced
// runs (CPU figures), so both see the same drift in the machine's load.
const FRESH_TABS = 24;
// The first tab after the browser starts meets cold process caches (the frame's first layout,
// the UI chunk's first compile): a figure of its own, from the browser restarted on one profile.
const COLD_STARTS = 6;
// Half of them untraced: with 36 wall-clock samples the p95 was the second-slowest one, and moved
// by 10 ms from run to run; 84 give it a few samples above it.
const SWITCHES = 120;
// Every contact is shown once only, so no figure comes from the frame's in-tab memory.
const threads = benchThreads(FRESH_TABS * 3 + SWITCHES + COLD_STARTS + 12);
const html = gmailAppHtml(threads);

/** The sidebar frame of a tab, once the content script has added it (on idle, or on the first contact). */
async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector(FRAME_SELECTOR, { state: 'attached', timeout: 10_000 });
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame && (await frame.evaluate(() => document.readyState === 'complete').catch(() => false))) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('Sidebar frame did not load');
}

/**
 * In every sidebar frame, from its first script on: the moment the first contact's name is
 * painted (the first animation frame after it is in the DOM). A tab opened straight on a
 * thread creates its frame only once the content script has found the contact, so nothing
 * can be set up in it beforehand.
 */
const RECORD_FIRST_PAINT = () => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
  const w = window as unknown as { __firstName?: string; __firstPaintedAt?: number };
  const observer = new MutationObserver(() => {
    const name = document.querySelector('[data-testid="contact-name"]')?.textContent;
    if (!name) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      w.__firstName = name;
      w.__firstPaintedAt = performance.timeOrigin + performance.now();
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
};

/** A tab opened on a thread (a link from elsewhere, a reload): the page's render → the name painted in the new frame. */
async function timeOpenedOnThread(browser: BenchBrowser, t: BenchThread): Promise<Sample> {
  const page = await browser.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/#inbox/${t.id}`);
  const frame = await sidebarFrame(page);
  const painted = await frame.waitForFunction(() => (window as unknown as { __firstPaintedAt?: number }).__firstPaintedAt, undefined, {
    polling: 20,
    timeout: 10_000,
  });
  const name = await frame.evaluate(() => (window as unknown as { __firstName?: string }).__firstName);
  if (name !== t.name) throw new Error(`The frame showed ${name}, not ${t.name}`);
  const renderedAt = await page.evaluate(() => (window as unknown as { __renderedAt: number }).__renderedAt);
  const ms = ((await painted.jsonValue()) as number) - renderedAt;
  await page.close();
  return { ms, screen: NaN, subject: NaN };
}

const wall = (samples: Sample[]) => samples.filter((s) => !s.cpu).map((s) => s.ms);
/** Untraced samples' `part`, where the browser reported it. */
const shown = (samples: Sample[], part: (s: Sample) => number) =>
  samples
    .filter((s) => !s.cpu)
    .map(part)
    .filter(Number.isFinite);
const cpu = (samples: Sample[], part: keyof PathCpu) => samples.flatMap((s) => (s.cpu ? [s.cpu[part]] : []));

/** CPU figures of traced samples: the total on the path, and where it was spent. */
function cpuFigures(label: string, samples: Sample[]): Omit<Figure, 'group'>[] {
  const total = cpu(samples, 'total');
  const part = (k: keyof PathCpu) => percentile(cpu(samples, k), 50).toFixed(1);
  return [
    {
      name: `${label}: Leadlight's CPU time on the path, p50`,
      value: percentile(total, 50),
      unit: 'ms',
      note: `${spread(total)}; p50 content script ${part('contentScript')}, service worker ${part('worker')}, frame ${part('frame')} ms; traced runs, interleaved`,
    },
    { name: `${label}: Leadlight's CPU time on the path, p95`, value: percentile(total, 95), unit: 'ms' },
  ];
}

/**
 * When the name reached the screen, beside when the thread's own subject did: the figures
 * above stop where the name's paint starts, and the browser then draws and presents it
 * with the rest of the page's next frame.
 */
function onScreenFigures(samples: Sample[]): Omit<Figure, 'group'>[] {
  const screen = shown(samples, (s) => s.screen);
  const subject = shown(samples, (s) => s.subject);
  const after = shown(samples, (s) => s.screen - s.subject);
  return [
    {
      name: 'another contact, name on screen, p50',
      value: percentile(screen, 50),
      unit: 'ms',
      note: `${spread(screen)}; Element Timing's renderTime of the name: its paint presented`,
    },
    { name: 'another contact, name on screen, p95', value: percentile(screen, 95), unit: 'ms' },
    {
      name: "another contact, the thread's own subject on screen, p50",
      value: percentile(subject, 50),
      unit: 'ms',
      note: `${spread(subject)}; the host page's own text, timed the same way from the same start`,
    },
    {
      name: "another contact, name on screen after the thread's subject, p50",
      value: percentile(after, 50),
      unit: 'ms',
      note: `${spread(after)}; below zero, the name was on screen first`,
    },
    { name: "another contact, name on screen after the thread's subject, p95", value: percentile(after, 95), unit: 'ms' },
  ];
}

/** A new tab on the inbox, then a thread: its first contact, untraced. */
async function firstContactInNewTab(browser: BenchBrowser, t: BenchThread): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const { ms } = await timeContact(page, await sidebarFrame(page), t);
  await page.close();
  return ms;
}

/**
 * The first contact in the first tab of a browser started again on a profile where Leadlight
 * is installed and its data loaded (as a rep starts the day): page idle, then the contact.
 */
async function timeColdStarts(ts: BenchThread[]): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'll-bench-cold-'));
  try {
    // Installed and settled once: the demo data is seeded and a contact has been shown.
    const installed = await launchForBench(true, html, { profile });
    await firstContactInNewTab(installed, ts[0]!);
    await new Promise((r) => setTimeout(r, 2000));
    await installed.close();
    const times: number[] = [];
    for (const t of ts.slice(1)) {
      const browser = await launchForBench(true, html, { profile });
      try {
        times.push(await firstContactInNewTab(browser, t));
      } finally {
        await browser.close();
      }
    }
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

it('sidebar latency: a contact appearing in the page → its name painted in the sidebar frame', async () => {
  const cold = await timeColdStarts(threads.slice(0, COLD_STARTS + 1));
  let next = COLD_STARTS + 1;
  const browser = await launchForBench(true, html);
  const extensionId = new URL(browser.context.serviceWorkers()[0]!.url()).host;
  const tracer: Tracer = { cdp: browser.cdp, extensionId };
  const note = await machineNote(browser.context);
  await browser.context.addInitScript(RECORD_FIRST_PAINT);
  const first: Sample[] = [];
  const openedOnThread: Sample[] = [];
  const direct: Sample[] = [];
  const viaInbox: Sample[] = [];
  // This browser's first tab meets the cold caches timed above: it is not one of the fresh tabs.
  await firstContactInNewTab(browser, threads[next++]!);
  // First contact on a fresh tab: the page has gone idle (so the frame's small bootstrap is
  // loaded), but the UI loads only now.
  for (let r = 0; r < FRESH_TABS; r++) {
    const traced = r % 2 === 1 ? tracer : undefined;
    const page = await browser.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const frame = await sidebarFrame(page);
    first.push(await timeContact(page, frame, threads[next++]!, traced));
    // A second contact in the same tab, straight from the first: the frame stays open.
    direct.push(await timeContact(page, frame, threads[next++]!, traced));
    await page.close();
    openedOnThread.push(await timeOpenedOnThread(browser, threads[next++]!));
  }
  // Many contacts one after another in one tab, as a rep walks through the inbox: half
  // straight from thread to thread, half through the inbox (where the sidebar hides).
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const frame = await sidebarFrame(page);
  await timeContact(page, frame, threads[next++]!);
  for (let i = 0; i < SWITCHES; i++) {
    const traced = i % 2 === 1 ? tracer : undefined;
    const throughInbox = i % 4 < 2;
    if (throughInbox) {
      await page.evaluate(() => (location.hash = '#inbox'));
      await page.waitForTimeout(30);
    }
    (throughInbox ? viaInbox : direct).push(await timeContact(page, frame, threads[next++]!, traced));
    // The browser hands over a trace's buffers from every process after it ends: not during the next, untraced, switch.
    if (traced) await page.waitForTimeout(250);
  }
  // The messaging floor in this run: one small request from the frame to the background and back.
  const roundTrips = await frame.evaluate(async () => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await new Promise((resolve) => chrome.runtime.sendMessage({ id: i, type: 'getReasons', data: {}, timestamp: Date.now() }, resolve));
      times.push(performance.now() - t);
    }
    return times;
  });
  const endNote = await machineNote(browser.context);
  await browser.close();
  const another = [...direct, ...viaInbox];
  const machine = `start: ${note}; end: ${endNote}`;
  report(
    'Sidebar latency (real Chromium, built extension, Gmail-like page)',
    [
      {
        name: 'first contact on a fresh tab, p50',
        value: percentile(wall(first), 50),
        unit: 'ms',
        note: `${spread(wall(first))}; the browser's first tab is timed apart (below)`,
      },
      { name: 'first contact on a fresh tab, p95', value: percentile(wall(first), 95), unit: 'ms', target: '≤ 100 ms' },
      {
        name: 'first contact in the first tab after the browser starts, p50',
        value: percentile(cold, 50),
        unit: 'ms',
        note: `${spread(cold)}; one per restart of the browser on a profile with Leadlight installed and its data loaded`,
      },
      { name: 'first contact in the first tab after the browser starts, max', value: Math.max(...cold), unit: 'ms' },
      ...cpuFigures('first contact', first),
      {
        name: 'first contact on a tab opened on the thread, p50',
        value: percentile(wall(openedOnThread), 50),
        unit: 'ms',
        note: `${spread(wall(openedOnThread))}; the content script runs at document idle, then creates the frame, which loads with the UI`,
      },
      { name: 'first contact on a tab opened on the thread, p95', value: percentile(wall(openedOnThread), 95), unit: 'ms' },
      { name: 'another contact, frame open, p50', value: percentile(wall(another), 50), unit: 'ms', note: spread(wall(another)) },
      {
        name: 'another contact, frame open, p95',
        value: percentile(wall(another), 95),
        unit: 'ms',
        target: '≤ 25 ms',
        note: 'each contact shown once: read through the background, never from the frame’s memory',
      },
      {
        name: 'another contact, straight from a thread, p50',
        value: percentile(wall(direct), 50),
        unit: 'ms',
        note: spread(wall(direct)),
      },
      {
        name: 'another contact, through the inbox (sidebar hidden between), p50',
        value: percentile(wall(viaInbox), 50),
        unit: 'ms',
        note: spread(wall(viaInbox)),
      },
      ...cpuFigures('another contact', another),
      ...onScreenFigures(another),
      { name: 'floor: one frame at 60 Hz', value: 1000 / 60, unit: 'ms', note: 'the name is painted at the next frame at best' },
      {
        name: 'floor: one frame → background → frame message, p50',
        value: percentile(roundTrips, 50),
        unit: 'ms',
        note: `${spread(roundTrips)}; a contact's path has two such hops (page → background → frame)`,
      },
    ],
    machine,
  );
});
