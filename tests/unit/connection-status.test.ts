import 'fake-indexeddb/auto';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { liveConnector } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, type Handlers } from '@/lib/messaging/handlers';
import { loadSecrets, updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';
import { readFixtureJson } from '../support/fixtures';

const MAYA = 'maya.okafor@northwind-logistics.example';
const fx = (name: string) => readFixtureJson<JsonBodyType>(`http/hubspot/${name}.json`);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let handlers: Handlers;
const sidebar = { id: 'leadlight', tab: { id: 3 } };
const env = { policy: { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 }, random: () => 0.5 };

beforeEach(async () => {
  db = new LeadlightDb(`connection-${crypto.randomUUID()}`);
  await saveSettings(db, { source: 'hubspot' });
  await updateSecrets(db, { hubspotToken: 'pat-na1-revoked-token' });
  handlers = createHandlers({
    db,
    loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
    liveConnector: () => liveConnector(db, env),
  });
});
afterEach(() => db.delete());

describe('a HubSpot token that stops working', () => {
  it('stops all calls, says why in the sidebar and the popup, and resumes once the user pastes a new token', async () => {
    const seen: string[] = [];
    server.use(
      http.get('https://api.hubapi.com/account-info/v3/details', () => HttpResponse.json(fx('account-info-details'))),
      http.get('https://api.hubapi.com/crm/v3/objects/contacts/:email', ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return HttpResponse.json(fx('error-401-expired-authentication'), { status: 401 });
      }),
    );
    const [first] = await handlers.getContactContexts({ emails: [MAYA] }, sidebar);
    expect(first).toMatchObject({ context: null, error: expect.stringContaining('HubSpot did not accept the access token') });
    expect(await handlers.getConnectionStatus({}, {})).toMatchObject({
      id: 'hubspot',
      label: 'HubSpot',
      health: { state: 'needs_user', kind: 'auth' },
    });

    for (let i = 0; i < 5; i++) {
      const [again] = await handlers.getContactContexts({ emails: [MAYA] }, sidebar);
      expect(again?.error).toBe(first?.error);
    }
    expect(seen).toEqual(['Bearer pat-na1-revoked-token']);

    await handlers.setHubspotToken({ token: 'pat-na1-fresh-token' }, {});
    expect(await handlers.getConnectionStatus({}, {})).toMatchObject({ health: { state: 'healthy' } });
    await handlers.getContactContexts({ emails: [MAYA] }, sidebar);
    expect(seen).toEqual(['Bearer pat-na1-revoked-token', 'Bearer pat-na1-fresh-token']);
  });

  it('checks a new token with one call before keeping it, and shows the portal it belongs to', async () => {
    const checked: string[] = [];
    server.use(
      http.get('https://api.hubapi.com/account-info/v3/details', ({ request }) => {
        const auth = request.headers.get('authorization') ?? '';
        checked.push(auth);
        return auth === 'Bearer pat-na1-good-token-1234'
          ? HttpResponse.json(fx('account-info-details'))
          : HttpResponse.json(fx('error-401-expired-authentication'), { status: 401 });
      }),
    );
    await expect(handlers.setHubspotToken({ token: 'pat-na1-mistyped-token' }, {})).rejects.toThrow(
      /HubSpot did not accept the access token/,
    );
    expect((await handlers.getSettings({}, {})).connections.hubspotAccount).toBeUndefined();
    // The token saved before stays; the refused one is never kept.
    expect((await loadSecrets(db)).hubspotToken).toBe('pat-na1-revoked-token');
    const view = await handlers.setHubspotToken({ token: 'pat-na1-good-token-1234' }, {});
    expect(view.connections).toMatchObject({ hubspotConnected: true, hubspotAccount: { portalId: 123456, uiDomain: 'app.hubspot.com' } });
    expect(checked).toEqual(['Bearer pat-na1-mistyped-token', 'Bearer pat-na1-good-token-1234']);
    await handlers.setHubspotToken({ token: null }, {});
    expect((await handlers.getSettings({}, {})).connections).toEqual({ hubspotConnected: false, salesforceConnected: false });
  });

  it('waits for midnight in the portal’s own time zone after HubSpot’s daily limit', async () => {
    // 17:30 in New York (EST, UTC−5); the portal's zone comes from the token check (US/Eastern).
    const at = Date.parse('2026-03-05T22:30:00.000Z');
    const clocked = createHandlers({
      db,
      loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
      liveConnector: () => liveConnector(db, { ...env, now: () => at }),
    });
    server.use(
      http.get('https://api.hubapi.com/account-info/v3/details', () => HttpResponse.json(fx('account-info-details'))),
      http.get('https://api.hubapi.com/crm/v3/objects/contacts/:email', () => HttpResponse.json(fx('error-429-daily'), { status: 429 })),
    );
    await clocked.setHubspotToken({ token: 'pat-na1-good-token-1234' }, {});
    await clocked.getContactContexts({ emails: [MAYA] }, sidebar);
    expect(await clocked.getConnectionStatus({}, {})).toMatchObject({
      health: { state: 'rate_limited', until: '2026-03-06T05:00:00.000Z', message: expect.stringMatching(/daily API limit/) },
    });
  });

  it('reports no connection state for a bulk source', async () => {
    await saveSettings(db, { source: 'demo' });
    expect(await handlers.getConnectionStatus({}, {})).toBeNull();
  });
});
