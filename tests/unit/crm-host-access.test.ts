import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, type Handlers } from '@/lib/messaging/handlers';
import { updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const ORG = 'https://brightwave.my.salesforce.com';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let handlers: Handlers;
let removed: string[];
beforeEach(async () => {
  db = new LeadlightDb(`crm-access-${crypto.randomUUID()}`);
  await saveSettings(db, { source: 'salesforce', salesforce: { loginHost: 'brightwave.my.salesforce.com' } });
  await updateSecrets(db, {
    hubspotToken: 'pat-na1-working-token',
    salesforce: {
      accessToken: '00Dxx!access',
      refreshToken: '5Aep861-refresh',
      instanceUrl: ORG,
      issuedAt: '2026-11-20T09:00:00.000Z',
      loginHost: 'login.salesforce.com',
    },
  });
  removed = [];
  fakeBrowser.permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    removed.push(...origins);
    return true;
  });
  server.use(http.post('https://login.salesforce.com/services/oauth2/revoke', () => new HttpResponse(null, { status: 200 })));
  handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
});
afterEach(() => db.delete());

describe('host access after a CRM is disconnected', () => {
  it('gives back Salesforce’s login and API hosts, never HubSpot’s', async () => {
    await handlers.disconnectSalesforce({}, {});
    expect(removed.sort()).toEqual([
      'https://*.my.salesforce.com/*',
      'https://brightwave.my.salesforce.com/*',
      'https://login.salesforce.com/*',
    ]);
  });

  it('gives back the login host even when the browser keeps an API host the content scripts also match', async () => {
    // Chrome refuses a whole request that names a required origin: *.my.salesforce.com is one (Salesforce pages).
    fakeBrowser.permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (origins.some((o) => o.includes('my.salesforce.com'))) throw new Error('You cannot remove required permissions.');
      removed.push(...origins);
      return true;
    });
    await handlers.disconnectSalesforce({}, {});
    expect(removed).toEqual(['https://login.salesforce.com/*']);
  });

  it('keeps an origin the feed URL still reads', async () => {
    await saveSettings(db, { feed: { url: 'https://exports.my.salesforce.com/leadlight-feed.json', intervalMinutes: 60 } });
    await handlers.disconnectSalesforce({}, {});
    expect(removed.sort()).toEqual(['https://brightwave.my.salesforce.com/*', 'https://login.salesforce.com/*']);
  });

  it('gives back HubSpot’s API host when its token is removed, and nothing Salesforce uses', async () => {
    await handlers.setHubspotToken({ token: null }, {});
    expect(removed).toEqual(['https://api.hubapi.com/*']);
  });

  it('still disconnects when the browser refuses to give the access back', async () => {
    fakeBrowser.permissions.remove = vi.fn(async () => {
      throw new Error('You cannot remove required permissions.');
    });
    expect((await handlers.disconnectSalesforce({}, {})).connections.salesforceConnected).toBe(false);
  });

  it('gives back the old feed’s origin when the feed URL moves to another host, not when it stays on the same one', async () => {
    const feed = (url: string) => ({ feed: { url, intervalMinutes: 60 } });
    await saveSettings(db, feed('https://exports.brightwave.example/leads.json'));
    await handlers.saveSettings(feed('https://exports.brightwave.example/leads-v2.json'), {});
    expect(removed).toEqual([]);
    await handlers.saveSettings(feed('https://data.brightwave.example/leads.json'), {});
    expect(removed).toEqual(['https://exports.brightwave.example/*']);
  });
});
