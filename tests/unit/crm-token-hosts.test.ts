import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers } from '@/lib/messaging/handlers';
import { updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const ORG = 'https://brightwave.my.salesforce.com';
const SANDBOX_LOGIN = 'https://test.salesforce.com';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let sandboxCalls: string[];
beforeEach(async () => {
  db = new LeadlightDb(`crm-hosts-${crypto.randomUUID()}`);
  // Production tokens stored before Leadlight kept the host that issued them...
  await updateSecrets(db, {
    salesforce: {
      accessToken: '00Dxx!expired',
      refreshToken: '5Aep861-production-refresh',
      instanceUrl: ORG,
      issuedAt: '2026-11-20T09:00:00.000Z',
    },
  });
  // ...and a sandbox login host typed in the form since.
  await saveSettings(db, { source: 'salesforce', salesforce: { loginHost: 'test.salesforce.com', clientId: '3MVG9-production-key' } });
  sandboxCalls = [];
  // The sandbox login host knows nothing of production tokens.
  server.use(
    http.post(`${SANDBOX_LOGIN}/*`, ({ request }) => {
      sandboxCalls.push(request.url);
      return HttpResponse.json({ error: 'invalid_token', error_description: 'invalid token' }, { status: 400 });
    }),
  );
});
afterEach(() => db.delete());

const handlers = () => createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });

describe('Salesforce tokens stored without their login host', () => {
  it('are revoked at their own org on disconnect, never at the host typed in the form', async () => {
    const revoked: string[] = [];
    server.use(
      http.post(`${ORG}/services/oauth2/revoke`, async ({ request }) => {
        revoked.push(await request.text());
        return new HttpResponse(null, { status: 200 });
      }),
    );
    expect(await handlers().disconnectSalesforce({}, {})).toMatchObject({ revoked: true });
    expect(revoked).toEqual(['token=5Aep861-production-refresh']);
    expect(sandboxCalls).toEqual([]);
  });

  it('are not reported revoked when their org says it does not know the token', async () => {
    server.use(
      http.post(`${ORG}/services/oauth2/revoke`, () =>
        HttpResponse.json({ error: 'invalid_token', error_description: 'invalid token' }, { status: 400 }),
      ),
    );
    const result = await handlers().disconnectSalesforce({}, {});
    expect(result.revoked).toBe(false);
    expect(result.revokeError).toMatch(/brightwave\.my\.salesforce\.com.*Connected Apps OAuth Usage/);
    expect(result.connections.salesforceConnected).toBe(false);
  });

  it('renew their session at their own org', async () => {
    const renewals: string[] = [];
    server.use(
      http.get(`${ORG}/services/data/*`, () =>
        HttpResponse.json([{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }], { status: 401 }),
      ),
      http.post(`${ORG}/services/oauth2/token`, async ({ request }) => {
        renewals.push(new URLSearchParams(await request.text()).get('refresh_token') ?? '');
        return HttpResponse.json({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, { status: 400 });
      }),
    );
    const connector = await connectorFor(db, 'salesforce');
    await connector?.fetchContact?.('maya.okafor@northwind-logistics.example').catch(() => undefined);
    expect(renewals).toEqual(['5Aep861-production-refresh']);
    expect(sandboxCalls).toEqual([]);
  });
});
