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
// Unhandled requests fail the test: nothing may go to the host typed for the cancelled reconnect.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`sf-origin-${crypto.randomUUID()}`);
  await updateSecrets(db, {
    salesforce: {
      accessToken: '00Dxx!expired',
      refreshToken: '5Aep861-production-refresh',
      instanceUrl: ORG,
      issuedAt: '2026-11-20T09:00:00.000Z',
      loginHost: 'brightwave.my.salesforce.com',
      clientId: '3MVG9-production-key',
    },
  });
  // The admin typed a sandbox host and another app's key for a reconnect, then closed the sign-in window.
  await saveSettings(db, { source: 'salesforce', salesforce: { loginHost: 'test.salesforce.com', clientId: '3MVG9-sandbox-key' } });
});
afterEach(() => db.delete());

describe('a Salesforce connection after a reconnect was cancelled', () => {
  it('renews its session with the app and at the host that issued its tokens', async () => {
    const renewals: string[] = [];
    server.use(
      http.get(`${ORG}/services/data/*`, () =>
        HttpResponse.json([{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }], { status: 401 }),
      ),
      http.post(`${ORG}/services/oauth2/token`, async ({ request }) => {
        renewals.push(await request.text());
        return HttpResponse.json({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, { status: 400 });
      }),
    );
    const connector = await connectorFor(db, 'salesforce');
    await connector?.fetchContact?.('maya.okafor@northwind-logistics.example').catch(() => undefined);
    expect(renewals).toHaveLength(1);
    const form = new URLSearchParams(renewals[0]);
    expect([form.get('grant_type'), form.get('client_id'), form.get('refresh_token')]).toEqual([
      'refresh_token',
      '3MVG9-production-key',
      '5Aep861-production-refresh',
    ]);
  });

  it('revokes its token on disconnect at the host that issued it', async () => {
    const revoked: string[] = [];
    server.use(
      http.post(`${ORG}/services/oauth2/revoke`, async ({ request }) => {
        revoked.push(await request.text());
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
    expect(await handlers.disconnectSalesforce({}, {})).toMatchObject({ revoked: true });
    expect(revoked).toEqual(['token=5Aep861-production-refresh']);
  });
});
