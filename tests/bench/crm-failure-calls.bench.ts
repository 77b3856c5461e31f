import 'fake-indexeddb/auto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, it } from 'vitest';
import { ASK_EVERY_MS, perMinute, simulateFailingCrm, type Failure, type Vendor } from '../support/failing-crm';
import { report } from './support/figures';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// Backoff waits are jittered: each scenario runs with several seeds and reports the spread.
const SEEDS = [1, 2, 3, 4, 5];
const MINUTES = 60;

/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SCENARIOS: [Vendor, Failure, string][] = [
  ['hubspot', '401', '401 EXPIRED_AUTHENTICATION'],
  ['hubspot', '429', '429 TEN_SECONDLY_ROLLING'],
  ['hubspot', '429-daily', '429 DAILY'],
  ['hubspot', '5xx', '500'],
  ['hubspot', 'offline', 'offline'],
  ['salesforce', '401', '401 INVALID_SESSION_ID + invalid_grant'],
  ['salesforce', '429-daily', '403 REQUEST_LIMIT_EXCEEDED'],
  ['salesforce', '5xx', '503 SERVER_UNAVAILABLE'],
  ['salesforce', 'offline', 'offline'],
  ['hubspot', 'unreadable', '200, each contact unreadable (no id)'],
  ['salesforce', 'unreadable', '200, each contact unreadable (no Id)'],
];

it('calls per minute to a CRM that fails for an hour', async () => {
  const figures = [];
  for (const [vendor, failure, label] of SCENARIOS) {
    const runs = [];
    for (const seed of SEEDS)
      runs.push(perMinute((await simulateFailingCrm(server, { vendor, failure, minutes: MINUTES, random: seeded(seed) })).calls, MINUTES));
    const means = runs.map((r) => r.mean);
    const totals = runs.map((r) => r.total);
    const spread = `${Math.min(...totals)}–${Math.max(...totals)} calls/h over ${SEEDS.length} seeds; busiest minute ${Math.max(...runs.map((r) => r.max))}, first minute ${Math.max(...runs.map((r) => r.first))}`;
    figures.push({
      name: `${vendor} ${label}: calls per minute (mean over ${MINUTES} min)`,
      value: means.reduce((a, b) => a + b, 0) / means.length,
      unit: 'calls/min',
      note: spread,
    });
  }
  report(`Failing CRM: one sidebar with 3 contacts, asked every ${ASK_EVERY_MS / 1000} s, re-read on every notice`, figures);
}, 600_000);
