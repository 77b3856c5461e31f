import { loadavg } from 'node:os';
import { it } from 'vitest';
import { DEMO_SLA } from '@/lib/demo/demo-sla';
import { buildReport, goodRateOverTime, prepareReportData, slaByCampaign, slaByOwner } from '@/lib/domain/report';
import { report } from './support/figures';
import { spread } from './support/machine';
import { REPORT_SCALE, reportDataset } from './support/report-dataset';

// The team report's computation as the background runs it for getReport, from data
// already in memory: the touches indexed once, then the rows, the trend and both SLA
// tables from that index. IndexedDB and the page are in team-report-page.bench.ts.
const RUNS = 5;
const NOW = new Date('2026-11-20T09:00:00.000Z');
const DAY = 86_400_000;

it(`team report computation at ${REPORT_SCALE.contacts.toLocaleString('en-US')} contacts, ${(REPORT_SCALE.contacts * REPORT_SCALE.touchesPerContact).toLocaleString('en-US')} touches, ${REPORT_SCALE.verdicts.toLocaleString('en-US')} verdicts`, () => {
  const raw = { ...reportDataset(NOW.getTime()), personas: [] };
  const period = { from: new Date(NOW.getTime() - 90 * DAY), to: NOW };
  const times: Record<string, number[]> = {};
  const totals: number[] = [];
  const load = loadavg()[0]!;
  for (let r = 0; r < RUNS; r++) {
    let data = raw;
    const parts: Record<string, () => unknown> = {
      // Built anew each run: the first report after the data changed pays for it.
      'index of the touches': () => {
        const { index } = (data = prepareReportData(raw));
        return [index.touches, index.sales, index.contacts, index.observed];
      },
      'rows by campaign': () => buildReport({ ...data, period, dimension: 'campaign', model: 'any', slaSettings: DEMO_SLA, now: NOW }),
      'monthly trend': () => goodRateOverTime({ ...data, period, bucket: 'month', timeZone: DEMO_SLA.timeZone, model: 'any', now: NOW }),
      'SLA by owner': () => slaByOwner({ ...data, settings: DEMO_SLA, now: NOW, period }),
      'SLA by campaign': () => slaByCampaign({ ...data, settings: DEMO_SLA, now: NOW, period }),
    };
    let total = 0;
    for (const [name, part] of Object.entries(parts)) {
      const t0 = performance.now();
      part();
      const ms = performance.now() - t0;
      (times[name] ??= []).push(ms);
      total += ms;
    }
    totals.push(total);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  report(
    'Team report computation (Node, data in memory)',
    [
      {
        name: `computation, median of ${RUNS}`,
        value: median(totals),
        unit: 'ms',
        target: 'first paint ≤ 2,000 ms',
        note: `${spread(totals, 0)}; IndexedDB read and render not included`,
      },
      ...Object.entries(times).map(([name, xs]) => ({ name, value: median(xs), unit: 'ms', note: spread(xs, 0) })),
    ],
    `Node ${process.version}; load ${load.toFixed(1)} (1 min) at start, ${loadavg()[0]!.toFixed(1)} at end`,
  );
});
