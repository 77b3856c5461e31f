import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { createHandlers } from '@/lib/messaging/handlers';
import { processOutbox } from '@/lib/outbox/outbox';
import { updateSecrets, type Secrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact } from '../factories';
import { putRow } from '../support/db-rows';

const BRIGHTWAVE = 'https://brightwave.my.salesforce.com';
const HELIX = 'https://helix.my.salesforce.com';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type SalesforceTokens = NonNullable<Secrets['salesforce']>;
const brightwave: SalesforceTokens = {
  accessToken: '00Dbw!access',
  refreshToken: '5Aep861-brightwave',
  instanceUrl: BRIGHTWAVE,
  issuedAt: '2026-11-20T09:00:00.000Z',
  loginHost: 'login.salesforce.com',
  orgId: '00DHs000000BrwvAAA',
};
const helix: SalesforceTokens = {
  accessToken: '00Dhx!access',
  refreshToken: '5Aep861-helix',
  instanceUrl: HELIX,
  issuedAt: '2026-11-21T09:00:00.000Z',
  loginHost: 'login.salesforce.com',
  orgId: '00DKx000000HelxAAA',
};

let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`crm-switch-${crypto.randomUUID()}`);
  server.use(http.post('https://login.salesforce.com/services/oauth2/revoke', () => new HttpResponse(null, { status: 200 })));
});
afterEach(() => db.delete());

const handlers = (signIn?: SalesforceTokens, portalId = 0) =>
  createHandlers({
    db,
    loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
    ...(signIn ? { connectSalesforce: async () => signIn } : {}),
    verifyHubspotToken: async () => ({ portalId }),
  });

/** What Leadlight learnt while connected to one account of `crm`, and one verdict waiting for it. */
async function cacheFrom(crm: 'salesforce' | 'hubspot') {
  await putRow(db, createContact({ email: 'maya.okafor@northwind-logistics.example' }));
  await db.campaigns.put(createCampaign({ id: 'cmp-1' }));
  await db.meta.bulkPut([
    { key: `labels:${crm}:Lead`, loadedAt: '2026-11-20T09:00:00.000Z' },
    { key: `labels:${crm}:hidden-activity-fields`, loadedAt: '2026-11-20T09:00:00.000Z' },
    { key: `team:${crm}`, lastSyncAt: '2026-11-20T09:00:00.000Z' },
  ]);
  await db.teamVerdicts.put({
    id: 'team-1',
    email: 'maya.okafor@northwind-logistics.example',
    verdict: 'good',
    author: 'sam@brightwave.example',
    createdAt: '2026-11-19T09:00:00.000Z',
    origin: crm,
  });
  const input = { email: 'maya.okafor@northwind-logistics.example', verdict: 'bad' as const, reasonId: 'no_budget' };
  await saveFeedback(db, input, 'alex', new Date('2026-11-20T09:30:00.000Z'), 'v-pending', crm);
}

async function forgotten() {
  return {
    contacts: await db.contacts.count(),
    campaigns: await db.campaigns.count(),
    teamVerdicts: await db.teamVerdicts.count(),
    meta: (await db.meta.toCollection().primaryKeys()).filter((k) => /^(labels|team):/.test(String(k))),
  };
}

describe('reconnecting Salesforce to another org', () => {
  beforeEach(async () => {
    await saveSettings(db, { source: 'salesforce' });
    await updateSecrets(db, { salesforce: brightwave });
    await cacheFrom('salesforce');
  });

  it('forgets the old org’s contacts, labels, hidden fields and team verdicts, and holds back its verdicts', async () => {
    await db.meta.put({ key: 'labels:hubspot:hs_lead_status', loadedAt: '2026-11-20T09:00:00.000Z' });
    const before = await connectorFor(db, 'salesforce');
    await handlers(helix).connectSalesforce({}, {});
    // A new connector: nothing the old one kept in memory (labels, field lists) reaches the new org's records.
    expect(await connectorFor(db, 'salesforce')).not.toBe(before);
    expect(await forgotten()).toEqual({ contacts: 0, campaigns: 0, teamVerdicts: 0, meta: ['labels:hubspot:hs_lead_status'] });
    expect(await db.feedback.get('v-pending')).toMatchObject({
      syncState: 'failed',
      syncError:
        'Not sent: given while Leadlight was connected to the Salesforce org at brightwave.my.salesforce.com, and it is now connected to the Salesforce org at helix.my.salesforce.com. Retry to send it there, or discard it.',
    });
  });

  it('remembers the old org across a disconnect', async () => {
    await handlers(brightwave).connectSalesforce({}, {});
    await handlers().disconnectSalesforce({}, {});
    await handlers(helix).connectSalesforce({}, {});
    expect((await forgotten()).teamVerdicts).toBe(0);
    expect((await db.feedback.get('v-pending'))?.syncState).toBe('failed');
  });

  it('names the org a verdict waits for once Salesforce is disconnected, and holds it back from the next org', async () => {
    await handlers().disconnectSalesforce({}, {});
    const later = () => new Date('2026-11-20T10:00:00.000Z');
    await processOutbox({ db, connectorFor: (target) => connectorFor(db, target), now: later, online: () => true });
    expect(await db.feedback.get('v-pending')).toMatchObject({
      syncState: 'failed',
      syncError:
        'Salesforce is not connected to Leadlight. Reconnect the Salesforce org at brightwave.my.salesforce.com in Leadlight settings, then retry.',
    });
    await handlers(helix).connectSalesforce({}, {});
    expect((await db.feedback.get('v-pending'))?.syncError).toBe(
      'Not sent: given while Leadlight was connected to the Salesforce org at brightwave.my.salesforce.com, and it is now connected to the Salesforce org at helix.my.salesforce.com. Retry to send it there, or discard it.',
    );
  });

  it('keeps everything when the sign-in is to the same org', async () => {
    await handlers({ ...brightwave, accessToken: '00Dbw!again', refreshToken: '5Aep861-again' }).connectSalesforce({}, {});
    expect(await forgotten()).toEqual({
      contacts: 1,
      campaigns: 1,
      teamVerdicts: 1,
      meta: ['labels:salesforce:Lead', 'labels:salesforce:hidden-activity-fields', 'team:salesforce'],
    });
    expect((await db.feedback.get('v-pending'))?.syncState).toBe('pending');
  });
});

describe('replacing the HubSpot token with one for another portal', () => {
  it('forgets the old portal’s data and holds back its verdicts, naming both portals', async () => {
    await saveSettings(db, { source: 'hubspot' });
    await updateSecrets(db, { hubspotToken: 'pat-na1-old-portal', hubspotAccount: { portalId: 4410001 } });
    await cacheFrom('hubspot');
    await handlers(undefined, 4410002).setHubspotToken({ token: 'pat-na1-new-portal' }, {});
    expect(await forgotten()).toEqual({ contacts: 0, campaigns: 0, teamVerdicts: 0, meta: [] });
    expect((await db.feedback.get('v-pending'))?.syncError).toMatch(/HubSpot account 4410001.*HubSpot account 4410002/);
  });
});
