import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, type Handlers } from '@/lib/messaging/handlers';
import { loadSecrets, updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const REVOKE = 'https://brightwave.my.salesforce.com/services/oauth2/revoke';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let handlers: Handlers;
beforeEach(async () => {
  db = new LeadlightDb(`disconnect-${crypto.randomUUID()}`);
  await saveSettings(db, { source: 'salesforce', salesforce: { loginHost: 'brightwave.my.salesforce.com' } });
  await updateSecrets(db, {
    salesforce: {
      accessToken: '00Dxx!access',
      refreshToken: '5Aep861-refresh',
      instanceUrl: 'https://brightwave.my.salesforce.com',
      issuedAt: '2026-11-20T09:00:00.000Z',
    },
  });
  handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
});
afterEach(() => db.delete());

describe('disconnecting Salesforce', () => {
  it('revokes the refresh token at the org, as a form, then forgets the tokens', async () => {
    const bodies: string[] = [];
    server.use(
      http.post(REVOKE, async ({ request }) => {
        expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
        bodies.push(await request.text());
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const result = await handlers.disconnectSalesforce({}, {});
    expect(bodies).toEqual(['token=5Aep861-refresh']);
    expect(result).toMatchObject({ revoked: true, connections: { salesforceConnected: false } });
    expect((await loadSecrets(db)).salesforce).toBeUndefined();
  });

  it('counts a token the host that issued it no longer knows as revoked', async () => {
    const stored = (await loadSecrets(db)).salesforce;
    await updateSecrets(db, { salesforce: stored && { ...stored, loginHost: 'brightwave.my.salesforce.com' } });
    server.use(http.post(REVOKE, () => HttpResponse.json({ error: 'invalid_token', error_description: 'invalid token' }, { status: 400 })));
    expect(await handlers.disconnectSalesforce({}, {})).toMatchObject({ revoked: true });
  });

  it('still disconnects this browser when the org cannot be reached, and says what to do', async () => {
    server.use(http.post(REVOKE, () => HttpResponse.error()));
    const result = await handlers.disconnectSalesforce({}, {});
    expect(result.revoked).toBe(false);
    expect(result.revokeError).toMatch(/Could not reach Salesforce.*Connected Apps OAuth Usage/);
    expect((await loadSecrets(db)).salesforce).toBeUndefined();
  });
});

describe('reconnecting Salesforce', () => {
  const signIn = async () => ({
    accessToken: '00Dxx!new-access',
    refreshToken: '5Aep861-new-refresh',
    instanceUrl: 'https://brightwave-dev.my.salesforce.com',
    issuedAt: '2026-11-21T09:00:00.000Z',
  });

  it('revokes the refresh token it replaces, at the org that issued it, and keeps the new one', async () => {
    const revoked: string[] = [];
    server.use(
      http.post(REVOKE, async ({ request }) => {
        revoked.push(await request.text());
        return new HttpResponse(null, { status: 200 });
      }),
    );
    // The rep switches to another login host before signing in again.
    await saveSettings(db, { salesforce: { loginHost: 'login.salesforce.com' } });
    const reconnecting = createHandlers({
      db,
      loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
      connectSalesforce: signIn,
    });
    await reconnecting.connectSalesforce({}, {});
    expect(revoked).toEqual(['token=5Aep861-refresh']);
    expect((await loadSecrets(db)).salesforce?.refreshToken).toBe('5Aep861-new-refresh');
  });

  it('keeps the new sign-in when the old org cannot be told', async () => {
    server.use(http.post(REVOKE, () => HttpResponse.error()));
    const reconnecting = createHandlers({
      db,
      loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
      connectSalesforce: signIn,
    });
    expect((await reconnecting.connectSalesforce({}, {})).connections).toMatchObject({
      salesforceConnected: true,
      salesforceInstance: 'brightwave-dev.my.salesforce.com',
    });
  });
});
