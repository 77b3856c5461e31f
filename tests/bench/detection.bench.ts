import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { findChromium } from '../support/chromium.mjs';
import { routeGmail } from '../e2e/support/launch';
import { bundleForPage } from './support/bundle';
import { percentile, report } from './support/figures';

// A large Gmail: thousands of list rows kept in the DOM behind the open thread.
const EXTRA_ROWS = 5000;
const BATCHES = 300;
const MUTATIONS_PER_BATCH = 50;

it('detection cost per mutation batch on a large, churning Gmail page', async () => {
  const harness = await bundleForPage(resolve(import.meta.dirname, 'support/detection-harness.ts'));
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
  await routeGmail(context);
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzDanPri002');
  await page.locator('h2.hP').first().waitFor();
  const nodes = await page.evaluate((rows) => {
    const main = document.querySelector('div[role="main"]')!;
    const list = document.createElement('div');
    list.style.display = 'none';
    for (let i = 0; i < rows; i++) {
      const row = document.createElement('div');
      row.innerHTML = `<span class="yP" email="person${i}@example.com" name="Person ${i}">Person ${i}</span><span>Subject ${i}</span><span>snippet text</span>`;
      list.append(row);
    }
    main.append(list);
    return document.getElementsByTagName('*').length;
  }, EXTRA_ROWS);
  await page.addScriptTag({ content: harness });
  await page.evaluate(() => {
    window.__llBench.start();
    // The first detection on start is not caused by churn.
    window.__llBench.stats.detections.length = 0;
  });

  // Churn outside the conversation pane (chat, notifications), as Gmail does constantly.
  for (let b = 0; b < BATCHES; b++)
    await page.evaluate((n) => (window as unknown as { __demoChurn: (n: number) => Promise<void> }).__demoChurn(n), MUTATIONS_PER_BATCH);
  const outside = await page.evaluate(() => ({ ...window.__llBench.stats, batches: [...window.__llBench.stats.batches] }));
  await page.evaluate(() => {
    window.__llBench.stats.batches.length = 0;
    window.__llBench.stats.detections.length = 0;
  });
  // Churn inside the open thread (typing indicators, lazy images) that does not change who is in it.
  for (let b = 0; b < BATCHES; b++) {
    await page.evaluate((n) => {
      const view = document.querySelector('h2.hP')!.parentElement!;
      for (let i = 0; i < n; i++) view.append(document.createElement('i'));
      view.querySelectorAll(':scope > i').forEach((el) => el.remove());
      return new Promise((r) => setTimeout(r, 70));
    }, MUTATIONS_PER_BATCH);
  }
  const inside = await page.evaluate(() => window.__llBench.stats);
  const full = await page.evaluate(() => Array.from({ length: 50 }, () => window.__llBench.fullDetect()));
  await context.close();

  report('Detection (Gmail host, real Chromium)', [
    { name: 'page size', value: nodes, unit: 'elements' },
    { name: 'observer callback per batch, churn outside pane, p50', value: percentile(outside.batches, 50), unit: 'ms' },
    { name: 'observer callback per batch, churn outside pane, p95', value: percentile(outside.batches, 95), unit: 'ms' },
    { name: 'detections run for churn outside pane', value: outside.detections.length, unit: `of ${BATCHES} batches`, target: '0' },
    { name: 'observer callback per batch, churn in thread, p95', value: percentile(inside.batches, 95), unit: 'ms' },
    {
      name: 'detections run for churn in thread',
      value: inside.detections.length,
      unit: `of ${BATCHES} batches`,
      note: 'nodes without person markers are filtered out; bursts that matter run one detection per 60 ms',
    },
    { name: 'sidebar re-renders caused by churn', value: inside.changes - 1, unit: 'renders', target: '0' },
    { name: 'one detection on demand, p50', value: percentile(full, 50), unit: 'ms' },
    {
      name: 'naive alternative: a detection per mutation record, per batch',
      value: percentile(full, 50) * MUTATIONS_PER_BATCH,
      unit: 'ms',
      note: `${MUTATIONS_PER_BATCH} records × one detection`,
    },
  ]);
});
