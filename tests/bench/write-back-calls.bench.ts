import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { schemaFingerprint } from '@/lib/connectors/hubspot/hubspot-verdict-schema';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { LeadlightDb } from '@/lib/db/database';
import { recordVerdict } from '@/lib/db/feedback-repository';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import { processOutbox } from '@/lib/outbox/outbox';
import { readFixtureJson } from '../support/fixtures';
import { report } from './support/figures';

// HTTP calls each verdict costs on the happy path, through the real outbox and connectors, against documented-shape answers.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const VERDICTS = 20;
const policy = { ...DEFAULT_POLICY, sleep: async () => {} };
const hs = (n: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${n}.json`);
const sf = (n: string) => readFixtureJson<Record<string, unknown>>(`http/salesforce/${n}.json`);

async function run(target: 'hubspot' | 'salesforce', count: { calls: number }) {
  const db = new LeadlightDb(`bench-wb-${target}-${crypto.randomUUID()}`);
  const connector =
    target === 'hubspot'
      ? createHubspotConnector({
          token: async () => 'pat',
          policy,
          // The portal already holds the Leadlight properties (created once, at connect).
          verdictSchema: {
            reasons: async () => FEEDBACK_REASONS,
            load: async () => ({ fingerprint: schemaFingerprint(FEEDBACK_REASONS), ready: true, checkedAt: new Date().toISOString() }),
            save: async () => {},
          },
        })
      : createSalesforceConnector({
          session: {
            accessToken: async () => 't',
            instanceUrl: async () => 'https://brightwave.my.salesforce.com',
            refresh: async () => 't',
          },
          policy,
          // The admin maps Lead Status and an unqualified-reason picklist: every verdict sets a field.
          verdictFields: {
            mapping: {
              Lead: {
                verdict: { field: 'Status', values: { good: 'Working', bad: 'Unqualified' } },
                reason: { field: 'Unqualified_Reason__c', kind: 'picklist', values: { no_budget: 'No Budget' } },
              },
            },
          },
        });
  const t0 = Date.now();
  for (let i = 0; i < VERDICTS; i++) {
    const email = target === 'hubspot' ? 'maya.okafor@northwind-logistics.example' : 'tom.becker@aldermfg.example';
    // Twenty reps, one verdict each: every one is new and goes out.
    await recordVerdict(
      db,
      { email, verdict: i % 2 ? 'good' : 'bad', ...(i % 2 ? {} : { reasonId: 'no_budget' }) },
      `rep${i}@b.example`,
      new Date(t0 - 60_000 + i),
      target,
    );
  }
  const before = count.calls;
  const result = await processOutbox({ db, connectorFor: async () => connector, online: () => true, now: () => new Date(t0 + 60_000) });
  const calls = count.calls - before;
  await db.delete();
  return { calls, sent: result.sent };
}

it('write-back HTTP calls per verdict (happy path)', async () => {
  const count = { calls: 0 };
  server.use(
    http.all('*', () => {
      count.calls += 1;
      return undefined;
    }),
    http.patch('https://api.hubapi.com/crm/v3/objects/contacts/:id', () => HttpResponse.json(hs('contact-patched'))),
    http.post('https://api.hubapi.com/crm/v3/objects/notes', () => HttpResponse.json(hs('note-created'), { status: 201 })),
    http.get('https://brightwave.my.salesforce.com/services/data/v60.0/query', () => HttpResponse.json(sf('lead-id-tom-becker'))),
    http.post('https://brightwave.my.salesforce.com/services/data/v60.0/sobjects/Task', () =>
      HttpResponse.json(sf('task-create-success'), { status: 201 }),
    ),
    http.patch('https://brightwave.my.salesforce.com/services/data/v60.0/sobjects/Lead/:id', () => new HttpResponse(null, { status: 204 })),
  );
  const hubspot = await run('hubspot', count);
  const salesforce = await run('salesforce', count);
  report('Verdict write-back', [
    {
      name: 'HubSpot calls per verdict',
      value: hubspot.calls / hubspot.sent,
      unit: 'calls',
      target: '≤ 3',
      note: `${hubspot.sent} verdicts, ${hubspot.calls} calls (properties PATCH + note)`,
    },
    {
      name: 'Salesforce calls per verdict',
      value: salesforce.calls / salesforce.sent,
      unit: 'calls',
      target: '≤ 3',
      note: `${salesforce.sent} verdicts, ${salesforce.calls} calls (person SOQL + Task + one Lead PATCH with Status and reason)`,
    },
  ]);
});
