import 'fake-indexeddb/auto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { perMinute, simulateFailingCrm, type Failure, type Vendor } from '../support/failing-crm';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * Calls a failing CRM may receive in one hour from one browser whose sidebar shows a
 * thread with three people (two cached but stale, one never seen), asked for every
 * 30 s and re-read at once whenever the background mentions a contact.
 * - Rejected token (401) or the org's daily allowance spent: one call (plus one token
 *   refresh for Salesforce) per contact asked at that first moment, then none.
 * - A ten-second rate limit, 5xx or no network: the first burst (three contacts, each
 *   with its inline retries: one wait for a 429, three backoffs for a 5xx), then one
 *   probe each time the connection's wait (30 s doubling to 15 min) and the contact's
 *   (1 min doubling to 30 min) have both run out.
 * - Each contact's lookup unreadable while the connection is fine: the contact's own
 *   backoff alone (1 min doubling to 30 min, each wait three quarters of its cap with the
 *   test's fixed jitter) — seven calls per contact in the hour, the first at once.
 */
const BUDGET: Record<Failure, number> = { '401': 6, '429-daily': 3, '429': 30, '5xx': 48, offline: 48, unreadable: 21 };

const SCENARIOS: [Vendor, Failure][] = [
  ['hubspot', '401'],
  ['hubspot', '429'],
  ['hubspot', '429-daily'],
  ['hubspot', '5xx'],
  ['hubspot', 'offline'],
  ['salesforce', '401'],
  ['salesforce', '429-daily'], // 403 REQUEST_LIMIT_EXCEEDED
  ['salesforce', '5xx'],
  ['salesforce', 'offline'],
  ['hubspot', 'unreadable'],
  ['salesforce', 'unreadable'],
];

describe('calls to a failing CRM over a simulated hour', () => {
  it.each(SCENARIOS)('%s answering %s stays within its budget and never reports an update', async (vendor, failure) => {
    const run = await simulateFailingCrm(server, { vendor, failure });
    expect(run.asks).toBeGreaterThanOrEqual(120);
    expect(run.calls.length).toBeLessThanOrEqual(BUDGET[failure]);
    expect(run.updates).toBe(0);
    const later = run.calls.filter((minute) => minute > 0);
    // A connection that needs the user, or waits for tomorrow's allowance, is not called again at all.
    if (failure === '401' || failure === '429-daily') expect(later).toEqual([]);
    // Otherwise no minute after the first sees more than one probe with its inline retries.
    else expect(perMinute(later, 60).max).toBeLessThanOrEqual(4);
  });
});
