import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { it } from 'vitest';
import { sendFromExtensionPage } from '../e2e/support/extension-messages';
import { launchWithExtension, type Launched } from '../e2e/support/launch';
import { bundleForPage } from './support/bundle';
import { percentile, report } from './support/figures';
import { machineNote } from './support/machine';
import { scaleEmail, writeScaleCsv } from './support/scale-data';
import { sampleThreadCpu } from './support/thread-cpu';

// The targets are set at 100k contacts; the environment can shrink a run for a quick look.
const CONTACTS = Number(process.env.LEADLIGHT_BENCH_CONTACTS ?? 100_000);
const TOUCHES_PER_CONTACT = 10; // 1,000,000 touches at full size, one CSV row each
const IMPORT_RUNS = Number(process.env.LEADLIGHT_BENCH_RUNS ?? 3);
const LOOKUPS = 500;
// A rep's first thread opens seconds after the browser starts; Gmail alone takes that long to load.
const SETTLE_MS = 5_000;
// One import at full size takes tens of seconds on a busy machine; three of them and the lookups need more than the default.
const TIMEOUT_MS = 1_500_000;

/** Bytes on disk under a folder. */
function du(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(path, e.name);
    return sum + (e.isDirectory() ? du(p) : statSync(p).size);
  }, 0);
}

/** The extension's IndexedDB folders in the profile (LevelDB files and any blobs). */
function indexedDbBytes(profile: string, extensionId: string): number {
  const root = join(profile, 'Default', 'IndexedDB');
  return readdirSync(root)
    .filter((name) => name.startsWith(`chrome-extension_${extensionId}_`))
    .reduce((sum, name) => sum + du(join(root, name)), 0);
}

async function openImportTab(browser: Launched): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'CSV / JSON import' }).click();
  return options;
}

/**
 * One import as a user runs it: the file is chosen and inspected first, then the
 * clock runs from the click on Import to the summary saying every row is stored
 * (parse in the worker, zod per row, messages to the background, its zod and the
 * upsert). Timed in the page, so polling adds nothing.
 */
async function timedImport(browser: Launched, csv: string): Promise<number> {
  const options = await openImportTab(browser);
  await options.getByLabel('CSV or JSON file').setInputFiles(csv);
  await options.getByTestId('import-detected').waitFor({ timeout: 120_000 });
  const importButton = options.getByRole('button', { name: 'Import', exact: true });
  await importButton.waitFor();
  const expected = `Imported ${(CONTACTS * TOUCHES_PER_CONTACT).toLocaleString('en-US')} rows`;
  const ms = await options.evaluate(
    (text) =>
      new Promise<number>((res, rej) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import')!;
        const started = performance.now();
        const check = () => {
          const summary = document.querySelector('[data-testid="import-summary"]')?.textContent ?? '';
          if (summary.startsWith(text)) {
            observer.disconnect();
            res(performance.now() - started);
          } else if (/Imported/.test(summary) || document.querySelector('[role="alert"]')) {
            observer.disconnect();
            rej(new Error(`Import ended otherwise: ${summary} ${document.querySelector('[role="alert"]')?.textContent ?? ''}`));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        button.click();
      }),
    expected,
  );
  await options.close();
  return ms / 1000;
}

function currentWorker(browser: Launched): Worker {
  const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('No Leadlight service worker');
  return worker;
}

/**
 * Round trips as the sidebar's frame makes them, through its own client (over the page's
 * channel to the worker), each beside one through runtime messaging alone.
 */
async function roundTrips(page: Page, client: string, emails: string[]): Promise<{ client: number[]; runtime: number[] }> {
  await page.evaluate(client);
  return page.evaluate((list) => globalThis.__llClient.lookups(list), emails);
}

/** Lookups in the background's own handler, then through the message round trip, each after 50 to warm up. */
async function lookupsIn(
  browser: Launched,
  harness: { worker: string; client: string },
  emails: string[],
): Promise<[number[], { client: number[]; runtime: number[] }]> {
  const worker = currentWorker(browser);
  await worker.evaluate(harness.worker);
  await worker.evaluate((list) => globalThis.__llCache.lookups(list), emails.slice(0, 50));
  const inBackground = await worker.evaluate((list) => globalThis.__llCache.lookups(list), emails);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Opening the options page warms the popup's search index: the background reads all
  // 100k rows (seconds of its CPU). The sidebar's lookups do not wait behind that, so
  // the timed ones start once a search has answered, that is once the index is built.
  await sendFromExtensionPage(page, 'searchContacts', { query: 'okafor' });
  await roundTrips(page, harness.client, emails.slice(0, 50));
  const roundTrip = await roundTrips(page, harness.client, emails);
  await page.close();
  return [inBackground, roundTrip];
}

const cpuSum = (threads: [string, number][]) => threads.reduce((sum, [, secs]) => sum + secs, 0);
const cpuNote = (threads: [string, number][]) =>
  threads
    .slice(0, 5)
    .map(([thread, secs]) => `${thread} ${secs.toFixed(1)}`)
    .join(', ');

/** Spread of a sample as "p50 / p95 / max". */
const spread = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(2)} · p95 ${percentile(xs, 95).toFixed(2)} · max ${Math.max(...xs).toFixed(2)} ms`;

it(
  'cache at scale: 100,000 contacts and 1,000,000 touches through the import pipeline, the background and the protocol',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlight-bench-'));
    const csv = join(dir, 'scale.csv');
    const csvBytes = await writeScaleCsv(csv, CONTACTS, TOUCHES_PER_CONTACT);
    const harness = {
      worker: await bundleForPage(resolve(import.meta.dirname, 'support/cache-harness.ts')),
      client: await bundleForPage(resolve(import.meta.dirname, 'support/client-harness.ts')),
    };
    const browser = await launchWithExtension();
    try {
      const machineBefore = await machineNote(browser.context);
      const seconds: number[] = [];
      let threads: [string, number][] = [];
      for (let run = 0; run < IMPORT_RUNS; run++) {
        // Each run starts from the demo data, so every run replaces the same 600 contacts.
        if (run > 0) {
          const page = await browser.context.newPage();
          await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
          await sendFromExtensionPage(page, 'resetDemoData', {});
          await page.close();
        }
        // Which thread the first import's time went to: CPU seconds per Chromium thread, read from /proc.
        const sampler = run === 0 ? sampleThreadCpu(browser.profile) : undefined;
        seconds.push(await timedImport(browser, csv));
        if (sampler) threads = sampler.stop();
      }
      console.log(`import runs: ${seconds.map((s) => s.toFixed(1)).join(', ')} s`);
      const rates = seconds.map((s) => (CONTACTS * TOUCHES_PER_CONTACT) / s).sort((a, b) => a - b);

      // Lookups of random contacts, the same ones in both places, right after the last import:
      // the browser may still be settling its database then, so its CPU is sampled meanwhile.
      const emails = Array.from({ length: LOOKUPS }, (_, j) => scaleEmail((j * 7919 + 13) % CONTACTS));
      const settling = sampleThreadCpu(browser.profile);
      const [inBackground, roundTrip] = await lookupsIn(browser, harness, emails);
      const duringLookups = settling.stop();

      // Bytes on disk once Chromium has closed the database and flushed its logs.
      await browser.context.close();
      const bytes = indexedDbBytes(browser.profile, browser.extensionId);

      // The same lookups in the same profile opened again, as a rep meets the data the next day.
      const reopened = await launchWithExtension([], { profile: browser.profile });
      const settled = sampleThreadCpu(browser.profile);
      const [nextDayBackground, nextDayRoundTrip] = await lookupsIn(reopened, harness, emails);
      const duringNextDay = settled.stop();
      await reopened.context.close();

      // Once more, with the lookups once the browser's own start has settled, as a rep's first
      // thread opens seconds after the browser does; other contacts, so none was read before.
      const again = await launchWithExtension([], { profile: browser.profile });
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const others = Array.from({ length: LOOKUPS }, (_, j) => scaleEmail((j * 7919 + 4451) % CONTACTS));
      const [settledBackground, settledRoundTrip] = await lookupsIn(again, harness, others);
      await again.context.close();

      report(
        'Cache at scale (built extension in Chromium, 100k contacts / 1M touches, touches stored in their contact row)',
        [
          {
            name: 'import, end to end (median of runs)',
            value: percentile(rates, 50),
            unit: 'touches/s',
            target: '≥ 50,000 touches/s',
            note: `${IMPORT_RUNS} runs: ${rates.map((r) => Math.round(r).toLocaleString('en-US')).join(' / ')} touches/s; ${seconds.map((s) => s.toFixed(1)).join(' / ')} s for a ${(csvBytes / 1024 / 1024).toFixed(0)} MB CSV; click Import → every row stored`,
          },
          { name: 'import, slowest run', value: rates[0]!, unit: 'touches/s' },
          {
            name: 'first import, CPU time of all Chromium threads',
            value: cpuSum(threads),
            unit: 's',
            note: `by thread (process / thread name as Linux shows it): ${threads
              .slice(0, 8)
              .map(([thread, secs]) => `${thread} ${secs.toFixed(1)}`)
              .join(', ')}`,
          },
          {
            name: 'lookup in the background, p95, right after the last import',
            value: percentile(inBackground, 95),
            unit: 'ms',
            note: `${LOOKUPS} random contacts, the getContactContexts handler in the service worker: ${spread(inBackground)}`,
          },
          {
            name: 'lookup with message round trip, p95, right after the last import',
            value: percentile(roundTrip.client, 95),
            unit: 'ms',
            note: `${LOOKUPS} lookups from an extension page through the sidebar frame's own client: ${spread(roundTrip.client)}; each beside one through runtime messaging alone: ${spread(roundTrip.runtime)}`,
          },
          {
            name: 'CPU of all Chromium threads while those lookups ran',
            value: cpuSum(duringLookups),
            unit: 's',
            note: `the lookups' own work (with the warm-up and the search index built for the options page) and whatever else Chromium did meanwhile: ${cpuNote(duringLookups)}`,
          },
          {
            name: 'lookup in the background, p95, the profile opened again',
            value: percentile(nextDayBackground, 95),
            unit: 'ms',
            target: '≤ 2 ms',
            note: `the same ${LOOKUPS} contacts once the browser was closed and opened again on the same profile, as a rep meets the data the next day: ${spread(nextDayBackground)}`,
          },
          {
            name: 'lookup in the background, p95, the profile opened again, its start settled',
            value: percentile(settledBackground, 95),
            unit: 'ms',
            target: '≤ 2 ms',
            note: `${LOOKUPS} other contacts, ${SETTLE_MS / 1000} s after the browser opened the profile again (the rows above start at once, beside the browser's own start): ${spread(settledBackground)}`,
          },
          {
            name: 'lookup with message round trip, p95, the profile opened again, its start settled',
            value: percentile(settledRoundTrip.client, 95),
            unit: 'ms',
            target: '≤ 10 ms',
            note: `through the frame's client: ${spread(settledRoundTrip.client)}; through runtime messaging alone, interleaved: ${spread(settledRoundTrip.runtime)}`,
          },
          {
            name: 'lookup with message round trip, p95, the profile opened again',
            value: percentile(nextDayRoundTrip.client, 95),
            unit: 'ms',
            target: '≤ 10 ms',
            note: `the same lookups through the frame's client, the profile opened again: ${spread(nextDayRoundTrip.client)}; through runtime messaging alone, interleaved: ${spread(nextDayRoundTrip.runtime)}`,
          },
          {
            name: 'lookup round trip through runtime messaging alone, p95, the profile opened again',
            value: percentile(nextDayRoundTrip.runtime, 95),
            unit: 'ms',
            note: `the path before the page's channel to the worker, one beside each lookup above: the client's p95 is ${(percentile(nextDayRoundTrip.client, 95) / percentile(nextDayRoundTrip.runtime, 95)).toFixed(2)}× this, its p50 ${(percentile(nextDayRoundTrip.client, 50) / percentile(nextDayRoundTrip.runtime, 50)).toFixed(2)}×`,
          },
          {
            name: 'CPU of all Chromium threads while the lookups ran, the profile opened again',
            value: cpuSum(duringNextDay),
            unit: 's',
            note: cpuNote(duringNextDay),
          },
          {
            name: 'IndexedDB on disk',
            value: bytes / 1024 / 1024,
            unit: 'MiB',
            target: '≤ 120 MiB',
            note: `bytes of the profile's IndexedDB folders for the extension after ${IMPORT_RUNS} replacing imports and closing the browser`,
          },
        ],
        `${machineBefore}; load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (1 / 5 / 15 min) at the end`,
      );
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  TIMEOUT_MS,
);
