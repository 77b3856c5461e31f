import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { SetupServer } from 'msw/node';
import type { Connector } from '@/lib/connectors/connector';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { liveConnector } from '@/lib/connectors/registry';
import { LeadlightDb, searchTokens } from '@/lib/db/database';
import { createHandlers } from '@/lib/messaging/handlers';
import { updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';
import { createContact } from '../factories';
import { putRow } from './db-rows';
import { readFixtureJson } from './fixtures';
import { SimClock } from './sim-clock';

export type Vendor = 'hubspot' | 'salesforce';
/**
 * How the CRM fails for the whole run: a rejected token, a rate limit, a server error, no
 * network, or an answer that cannot be read as the contact (a record without its id): the
 * connection is fine, each contact's lookup fails.
 */
export type Failure = '401' | '429' | '429-daily' | '5xx' | 'offline' | 'unreadable';

const INSTANCE = 'https://brightwave.my.salesforce.com';
const hubspotFx = (name: string) => readFixtureJson<JsonBodyType>(`http/hubspot/${name}.json`);
const salesforceFx = (name: string) => readFixtureJson<JsonBodyType>(`http/salesforce/${name}.json`);

/** The failing answer, in the vendor's documented shape (bodies from tests/fixtures/http, headers as the vendor sends them). */
function failingAnswer(vendor: Vendor, failure: Failure): () => Response {
  if (failure === 'offline') return () => HttpResponse.error();
  if (failure === 'unreadable')
    return () =>
      HttpResponse.json(vendor === 'hubspot' ? hubspotFx('partial/contact-without-id') : salesforceFx('partial/lead-without-id'));
  if (vendor === 'hubspot') {
    if (failure === '401') return () => HttpResponse.json(hubspotFx('error-401-expired-authentication'), { status: 401 });
    if (failure === '5xx') return () => HttpResponse.json(hubspotFx('error-500-internal'), { status: 500 });
    const daily = failure === '429-daily';
    return () =>
      HttpResponse.json(hubspotFx(daily ? 'error-429-daily' : 'error-429-ten-secondly-rolling'), {
        status: 429,
        headers: {
          'x-hubspot-ratelimit-max': '100',
          'x-hubspot-ratelimit-remaining': '0',
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
          'x-hubspot-ratelimit-daily': '250000',
          'x-hubspot-ratelimit-daily-remaining': daily ? '0' : '120000',
        },
      });
  }
  if (failure === '401') return () => HttpResponse.json(salesforceFx('error-invalid-session'), { status: 401 });
  if (failure === '5xx') return () => HttpResponse.json(salesforceFx('error-server-unavailable'), { status: 503 });
  // Salesforce has no 429: the org's allowance runs out as 403 REQUEST_LIMIT_EXCEEDED.
  return () =>
    HttpResponse.json(salesforceFx('error-request-limit-exceeded'), {
      status: 403,
      headers: { 'sforce-limit-info': 'api-usage=15000/15000' },
    });
}

export type HourResult = {
  /** Simulated minute (0-based) of every request that reached the CRM, token endpoint included. */
  calls: number[];
  /** How often the background told the sidebar a contact was updated / that its refresh failed. */
  updates: number;
  refreshFailures: number;
  asks: number;
};

// Three people in the open thread: two cached an hour ago (stale), one never seen.
const CACHED = ['ada.lovelace@analytical.example', 'grace.hopper@cobol.example'];
const UNKNOWN = 'alan.turing@bletchley.example';
/** The rep moves between threads and back: the sidebar asks for all three this often. */
export const ASK_EVERY_MS = 30_000;
// The sidebar re-reads a contact at once whenever the background mentions it; this bound only keeps a broken build finite.
const MAX_REACTIONS_PER_REST = 200;

/**
 * One simulated hour (or `minutes`) of a sidebar open on a thread while the CRM
 * fails every call in the same way. Runs the real background: message handlers,
 * cache, registry, connector, HTTP client and health gate, against msw.
 */
export async function simulateFailingCrm(
  server: SetupServer,
  { vendor, failure, minutes = 60, random = () => 0.5 }: { vendor: Vendor; failure: Failure; minutes?: number; random?: () => number },
): Promise<HourResult> {
  const start = Date.parse('2026-11-20T09:00:00.000Z');
  const clock = new SimClock(start);
  const minute = () => Math.floor((clock.t - start) / 60_000);
  const calls: number[] = [];
  const answer = failingAnswer(vendor, failure);
  const count = () => {
    clock.tick();
    calls.push(minute());
    return answer();
  };
  server.use(
    http.all('https://api.hubapi.com/*', count),
    http.all(`${INSTANCE}/*`, count),
    http.post('https://login.salesforce.com/services/oauth2/token', () => {
      clock.tick();
      calls.push(minute());
      return HttpResponse.json(salesforceFx('token-error-invalid-grant'), { status: 400 });
    }),
  );

  const db = new LeadlightDb(`sim-${crypto.randomUUID()}`);
  clock.watch(db);
  try {
    await saveSettings(db, { source: vendor, salesforce: { clientId: '3MVG9-consumer-key-for-tests', loginHost: 'login.salesforce.com' } });
    await updateSecrets(
      db,
      vendor === 'hubspot'
        ? { hubspotToken: 'pat-na1-rejected-or-limited' }
        : {
            salesforce: {
              accessToken: 'token-1',
              refreshToken: 'refresh-1',
              instanceUrl: INSTANCE,
              issuedAt: new Date(start).toISOString(),
            },
          },
    );
    const fetchedAt = new Date(start - 2 * 3_600_000).toISOString();
    for (const email of CACHED) {
      const contact = createContact({ email });
      await putRow(db, contact, { tokens: searchTokens(contact), fetchedAt, viewedAt: fetchedAt });
    }

    const env = { now: clock.now, random, policy: { ...DEFAULT_POLICY, sleep: clock.sleep, random } };
    const tracked = (connector: Connector | undefined): Connector | undefined =>
      connector?.fetchContact && {
        ...connector,
        fetchContact: (email) => clock.track([email], true, () => connector.fetchContact!(email)),
      };
    const notices: string[] = [];
    let updates = 0;
    let refreshFailures = 0;
    const handlers = createHandlers({
      db,
      random,
      loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
      now: clock.date,
      liveConnector: async () => tracked(await liveConnector(db, env)),
      notifyUpdated: (_tab, email) => {
        clock.tick();
        updates++;
        notices.push(email);
      },
      notifyRefreshFailed: (_tab, email) => {
        clock.tick();
        refreshFailures++;
        notices.push(email);
      },
    });
    let asks = 0;
    const ask = (emails: string[]) => {
      asks++;
      void clock.track(emails, false, () => handlers.getContactContexts({ emails }, { id: 'leadlight', tab: { id: 7 } }));
    };
    let reactions = 0;
    const react = () => {
      const email = notices.shift();
      if (email === undefined || reactions >= MAX_REACTIONS_PER_REST) return false;
      reactions++;
      ask([email]);
      return true;
    };
    const end = start + minutes * 60_000;
    for (let at = start; at < end; at += ASK_EVERY_MS) {
      await clock.advanceTo(at, react);
      reactions = 0;
      ask([...CACHED, UNKNOWN]);
    }
    await clock.advanceTo(end, react);
    return { calls: calls.filter((m) => m < minutes), updates, refreshFailures, asks };
  } finally {
    db.close();
    await db.delete();
  }
}

/** Calls per minute: the mean over the run, the busiest minute, and the first minute. */
export function perMinute(calls: readonly number[], minutes: number) {
  const buckets = Array.from({ length: minutes }, (_, m) => calls.filter((c) => c === m).length);
  return { total: calls.length, mean: calls.length / minutes, max: Math.max(...buckets), first: buckets[0] ?? 0 };
}
