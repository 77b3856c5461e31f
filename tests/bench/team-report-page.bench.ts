import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { feedbackToCsv } from '@/lib/domain/csv';
import { sendFromExtensionPage } from '../e2e/support/extension-messages';
import { launchWithExtension, type Launched } from '../e2e/support/launch';
import { bundleForPage } from './support/bundle';
import { report } from './support/figures';
import { machineNote, spread } from './support/machine';
import { REPORT_SCALE, reportDataset, writeReportCsv } from './support/report-dataset';

// The team report as a marketer opens it, at a large team's scale: the built extension
// in Chromium, the cache filled by the CSV import and the verdicts merged from a
// feedback file (the code paths a team without a CRM uses), then the report page opened.
const SCALE = { ...REPORT_SCALE, contacts: Number(process.env.LEADLIGHT_BENCH_CONTACTS ?? REPORT_SCALE.contacts) };
SCALE.verdicts = Math.round(SCALE.contacts / 2);
const RUNS = Number(process.env.LEADLIGHT_BENCH_RUNS ?? 3);
const DAY = 86_400_000;
// Filling the cache with a million touches takes minutes on a busy machine.
const TIMEOUT_MS = 2_400_000;

/** The CSV through the options page's import, as a user runs it, until every row is stored. */
async function importCsv(browser: Launched, csv: string, rows: number): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'CSV / JSON import' }).click();
  await options.getByLabel('CSV or JSON file').setInputFiles(csv);
  await options.getByTestId('import-detected').waitFor({ timeout: 300_000 });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = options.getByTestId('import-summary');
  await summary.filter({ hasText: `Imported ${rows.toLocaleString('en-US')} rows` }).waitFor({ timeout: 1_800_000 });
  await options.close();
}

/** Stops Leadlight's service worker, so the next message starts it with nothing in memory. */
async function stopWorker(browser: Launched, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

type Frames = { loading: number; first: number; kept: boolean; fresh: number };

/**
 * Records, from navigation on, the start of the first animation frame showing the page
 * loading, showing a report row (and whether it was labelled as the last kept report),
 * and showing the fresh report (rows without that label).
 */
function watchFrames(): void {
  const marks: Partial<Frames> = {};
  (globalThis as unknown as { __llFrames: Partial<Frames> }).__llFrames = marks;
  const check = () => {
    const t = performance.now();
    const row = document.querySelector('[data-testid="report-row"]');
    const label = document.querySelector('[data-testid="report-as-of"]');
    if (marks.loading === undefined && document.querySelector('[data-testid="report-loading"]')) marks.loading = t;
    if (marks.first === undefined && row) Object.assign(marks, { first: t, kept: !!label });
    if (row && !label) marks.fresh = t;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** The report page opened, and when its frames showed it loading, a first row and the fresh report. */
async function openReport(browser: Launched): Promise<Frames & { page: Page }> {
  const page = await browser.context.newPage();
  await page.addInitScript(watchFrames);
  await page.goto(`chrome-extension://${browser.extensionId}/report.html`, { waitUntil: 'commit' });
  const frames = await page.waitForFunction(
    () => {
      const marks = (globalThis as unknown as { __llFrames?: Partial<Frames> }).__llFrames;
      return marks?.fresh !== undefined ? marks : null;
    },
    undefined,
    { polling: 250, timeout: 600_000 },
  );
  return { ...((await frames.jsonValue()) as Frames), page };
}

/** Milliseconds from a click on another grouping to the first frame showing its rows. */
async function switchGrouping(page: Page, tab: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((res) => {
        const button = [...document.querySelectorAll('[role="tab"]')].find((b) => b.textContent === name) as HTMLElement;
        const started = performance.now();
        button.click();
        const check = () => {
          const ready = !document.querySelector('[data-testid="report-loading"]') && document.querySelector('[data-testid="report-row"]');
          if (ready) res(performance.now() - started);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    tab,
  );
}

it(
  `team report page at ${SCALE.contacts.toLocaleString('en-US')} contacts, ${(SCALE.contacts * SCALE.touchesPerContact).toLocaleString('en-US')} touches, ${SCALE.verdicts.toLocaleString('en-US')} verdicts`,
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlight-bench-report-'));
    const now = Date.now();
    const data = reportDataset(now, SCALE);
    const csv = join(dir, 'team.csv');
    const rows = await writeReportCsv(csv, data);
    const feedbackFile = feedbackToCsv(data.feedback, data.contacts);
    const harness = await bundleForPage(resolve(import.meta.dirname, 'support/report-harness.ts'));
    const browser = await launchWithExtension();
    try {
      const blank = await browser.context.newPage();
      await blank.goto(`chrome-extension://${browser.extensionId}/options.html`);
      // The team's own SLA (London, Mon–Fri 09:00–17:00, 4 h), and the import as the data source.
      await sendFromExtensionPage(blank, 'saveSettings', { source: 'import', sla: { timeZone: 'Europe/London' } });
      const seeding = performance.now();
      await importCsv(browser, csv, rows);
      await sendFromExtensionPage(blank, 'mergeFeedbackFile', { name: 'team-feedback.csv', text: feedbackFile });
      console.log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);

      // The marketer opened the report earlier: the background keeps what it computed then.
      const earlier = await openReport(browser);
      await earlier.page.close();

      const coldFirst: number[] = [];
      const coldFresh: number[] = [];
      const coldKept: boolean[] = [];
      const coldLoad: number[] = [];
      const warmFirst: number[] = [];
      const warmFresh: number[] = [];
      const shell: number[] = [];
      const regroup: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        await stopWorker(browser, blank);
        coldLoad.push(loadavg()[0]!);
        const cold = await openReport(browser);
        coldFirst.push(cold.first);
        coldKept.push(cold.kept);
        coldFresh.push(cold.fresh);
        await cold.page.close();
        const again = await openReport(browser);
        warmFirst.push(again.first);
        warmFresh.push(again.fresh);
        shell.push(again.loading);
        regroup.push(await switchGrouping(again.page, 'Lead source'));
        await again.page.close();
      }

      // The same work inside the service worker, without the page: where the time goes.
      const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))!;
      await worker.evaluate(harness);
      const period = { from: new Date(now - 90 * DAY).toISOString(), to: new Date(now).toISOString() };
      const steps: Record<string, number[]> = {};
      const first: number[] = [];
      const again: number[] = [];
      let bytes = 0;
      for (let r = 0; r < RUNS; r++) {
        for (const [name, ms] of Object.entries(await worker.evaluate((q) => globalThis.__llReport.steps(q), period)))
          (steps[name] ??= []).push(ms);
        const h = await worker.evaluate((q) => globalThis.__llReport.handler(q), period);
        first.push(h.first);
        again.push(h.again);
        bytes = h.bytes;
      }
      const machine = await machineNote(browser.context);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      report(
        `Team report page (built extension in Chromium, ${SCALE.contacts.toLocaleString('en-US')} contacts / ${rows.toLocaleString('en-US')} touches / ${SCALE.verdicts.toLocaleString('en-US')} verdicts)`,
        [
          {
            name: 'first paint, service worker started by the page',
            value: median(coldFirst),
            unit: 'ms',
            target: '≤ 2,000 ms',
            note: `navigation start → first frame with a report row, worker stopped before each open; ${coldKept.filter(Boolean).length} of ${coldKept.length} were the last kept report, labelled with its time: ${spread(coldFirst, 0)}; load ${Math.min(...coldLoad).toFixed(1)}–${Math.max(...coldLoad).toFixed(1)} at the opens`,
          },
          {
            name: 'fresh report painted, service worker started by the page',
            value: median(coldFresh),
            unit: 'ms',
            note: `navigation start → first frame with the fresh report (the label gone), same opens: ${spread(coldFresh, 0)}`,
          },
          {
            name: 'first paint, report data in memory',
            value: median(warmFirst),
            unit: 'ms',
            target: '≤ 2,000 ms',
            note: `the page opened again right after: ${spread(warmFirst, 0)}`,
          },
          {
            name: 'fresh report painted, report data in memory',
            value: median(warmFresh),
            unit: 'ms',
            note: spread(warmFresh, 0),
          },
          {
            name: 'page shown, loading',
            value: median(shell),
            unit: 'ms',
            note: `navigation start → first frame saying "Loading report…", data in memory: ${spread(shell, 0)}`,
          },
          {
            name: 'another grouping',
            value: median(regroup),
            unit: 'ms',
            note: `click on "Lead source" → its rows shown: ${spread(regroup, 0)}`,
          },
          {
            name: 'getReport in the worker, nothing in memory',
            value: median(first),
            unit: 'ms',
            note: `${spread(first, 0)}; answer ${(bytes / 1024).toFixed(0)} KiB as JSON`,
          },
          { name: 'getReport in the worker, data in memory', value: median(again), unit: 'ms', note: spread(again, 0) },
          ...Object.entries(steps).map(([name, xs]) => ({ name: `step: ${name}`, value: median(xs), unit: 'ms', note: spread(xs, 0) })),
        ],
        machine,
      );
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  TIMEOUT_MS,
);
