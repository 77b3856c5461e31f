import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { findChromium } from '../support/chromium.mjs';
import { bundleForPage } from './support/bundle';
import { benchThreads, gmailAppHtml } from './support/gmail-app';
import { machineNote, spread } from './support/machine';
import { percentile, report } from './support/figures';

const REPS = 10;
const PHASE_MS = 2000;
const STALE_ROWS = 5000;

it('detection on a Gmail-like mutation burst: scoped to the thread view vs the whole pane', async () => {
  const harness = await bundleForPage(resolve(import.meta.dirname, 'support/detection-harness.ts'));
  const threads = benchThreads(300);
  const html = gmailAppHtml(threads);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'll-bench-')), {
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const note = await machineNote(context);
  const page = await context.newPage();
  // A thread is open; behind it the page's own sync re-renders 20 inbox rows every 50 ms,
  // each row carrying its sender's address as Gmail's do.
  await page.goto(`https://mail.google.com/mail/u/0/#inbox/${threads[0]!.id}`);
  await page.locator('h2.hP').waitFor();
  // A large Gmail: thousands of rows of older list views kept hidden in the DOM, as Gmail keeps them.
  await page.evaluate((rows) => {
    const stale = document.createElement('div');
    stale.style.display = 'none';
    for (let i = 0; i < rows; i++) {
      const row = document.createElement('div');
      row.innerHTML = `<span class="yP" email="person${i}@example.com" name="Person ${i}">Person ${i}</span><span>Subject ${i}</span><span>snippet text</span>`;
      stale.append(row);
    }
    document.querySelector('div[role="main"]')!.append(stale);
  }, STALE_ROWS);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.addScriptTag({ content: harness });
  type Phase = { callbacks: number; detections: number; detectMs: number; callbackMs: number };
  const scoped: Phase[] = [];
  const previous: Phase[] = [];
  for (let r = 0; r < REPS; r++) {
    const order = r % 2 === 0 ? (['scoped', 'previous'] as const) : (['previous', 'scoped'] as const);
    for (const filter of order) {
      const phase = await page.evaluate(([f, ms]) => window.__llBench.run(f, ms as number), [filter, PHASE_MS] as const);
      (filter === 'scoped' ? scoped : previous).push(phase);
    }
  }
  const full = await page.evaluate(() => Array.from({ length: 50 }, () => window.__llBench.fullDetect()));
  await context.close();

  const perSecond = (p: Phase) => ((p.callbackMs + p.detectMs) * 1000) / PHASE_MS;
  const ratios = previous.map((p, i) => perSecond(p) / Math.max(perSecond(scoped[i]!), 0.001));
  report('Detection (Gmail-like page, inbox sync burst behind an open thread; same run, interleaved)', [
    { name: 'page size', value: elements, unit: 'elements' },
    {
      name: 'extension time per second of burst, whole-pane filter (before), median',
      value: percentile(previous.map(perSecond), 50),
      unit: 'ms/s',
      note: spread(previous.map(perSecond), 2),
    },
    {
      name: 'extension time per second of burst, thread-view scope (now), median',
      value: percentile(scoped.map(perSecond), 50),
      unit: 'ms/s',
      note: spread(scoped.map(perSecond), 2),
    },
    { name: 'reduction of the extension’s share, median', value: percentile(ratios, 50), unit: '×', target: '≥ 5×', note: spread(ratios) },
    {
      name: 'detections run per burst phase, before / now (median)',
      value: percentile(
        previous.map((p) => p.detections),
        50,
      ),
      unit: `vs ${percentile(
        scoped.map((p) => p.detections),
        50,
      )}`,
      note: `${PHASE_MS} ms phases; before, every 60 ms`,
    },
    { name: 'one full detection on this page, p50', value: percentile(full, 50), unit: 'ms' },
    { name: 'machine', value: NaN, unit: '', note: `${note}; ${REPS} interleaved pairs` },
  ]);
});
