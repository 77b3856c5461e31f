import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { createHandlers, type Handlers } from '@/lib/messaging/handlers';
import { processOutbox } from '@/lib/outbox/outbox';
import { updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const ORG = 'https://brightwave.my.salesforce.com';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let handlers: Handlers;
beforeEach(async () => {
  db = new LeadlightDb(`crm-disconnected-${crypto.randomUUID()}`);
  await updateSecrets(db, {
    hubspotToken: 'pat-na1-working-token',
    salesforce: {
      accessToken: '00Dxx!access',
      refreshToken: '5Aep861-refresh',
      instanceUrl: ORG,
      issuedAt: '2026-11-20T09:00:00.000Z',
      loginHost: 'brightwave.my.salesforce.com',
    },
  });
  handlers = createHandlers({
    db,
    loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
    now: () => new Date('2026-11-20T10:00:00.000Z'),
  });
  server.use(http.post(`${ORG}/services/oauth2/revoke`, () => new HttpResponse(null, { status: 200 })));
});
afterEach(() => db.delete());

describe('a CRM data source that is no longer connected', () => {
  it('tells the sidebar and popup that Salesforce needs the rep after Disconnect', async () => {
    await saveSettings(db, { source: 'salesforce' });
    expect(await handlers.getConnectionStatus({}, {})).toMatchObject({ health: { state: 'healthy' } });
    await handlers.disconnectSalesforce({}, {});
    expect(await handlers.getConnectionStatus({}, {})).toEqual({
      id: 'salesforce',
      label: 'Salesforce',
      health: {
        state: 'needs_user',
        kind: 'auth',
        since: '2026-11-20T10:00:00.000Z',
        message: 'Salesforce is not connected to Leadlight. Connect it in Leadlight settings, or choose another data source there.',
      },
    });
  });

  it('tells them HubSpot needs the rep once its token is removed', async () => {
    await saveSettings(db, { source: 'hubspot' });
    await handlers.setHubspotToken({ token: null }, {});
    expect(await handlers.getConnectionStatus({}, {})).toMatchObject({
      id: 'hubspot',
      health: { state: 'needs_user', message: expect.stringMatching(/^HubSpot is not connected to Leadlight/) },
    });
  });

  it('marks a queued verdict failed with the CRM’s name, not its id, and the org it waits for', async () => {
    await saveSettings(db, { source: 'salesforce' });
    const given = new Date('2026-11-20T09:00:00.000Z');
    await saveFeedback(db, { email: 'maya@northwind.example', verdict: 'bad', reasonId: 'no_budget' }, 'alex', given, 'v1', 'salesforce');
    await handlers.disconnectSalesforce({}, {});
    await processOutbox({ db, connectorFor: (target) => connectorFor(db, target), online: () => true });
    expect(await db.feedback.get('v1')).toMatchObject({
      syncState: 'failed',
      syncError:
        'Salesforce is not connected to Leadlight. Reconnect the Salesforce org at brightwave.my.salesforce.com in Leadlight settings, then retry.',
    });
  });
});
