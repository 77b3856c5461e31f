import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { loadHostDiagnostics, saveHostDiagnostics } from '@/lib/diagnostics/host-diagnostics';
import { createHandlers, DEMO_SOURCE_NAME } from '@/lib/messaging/handlers';
import { OPEN_KEY } from '@/lib/messaging/sidebar-port';
import { updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact, createPersona, createTouch } from '../factories';

const dataset = () => ({
  contacts: [createContact()],
  campaigns: [createCampaign()],
  touches: [createTouch()],
  personas: [createPersona()],
});
const sender = { id: 'leadlight' };
const SALESFORCE_TOKENS = {
  accessToken: '00Dxx!access',
  refreshToken: '5Aep-refresh',
  instanceUrl: 'https://brightwave.my.salesforce.com',
  issuedAt: '2026-11-20T09:00:00.000Z',
};

let db: LeadlightDb;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`data-${crypto.randomUUID()}`);
  handlers = createHandlers({ db, loadDemoData: dataset });
  await ensureSeeded(db, dataset, DEMO_SOURCE_NAME);
});
afterEach(() => db.delete());

describe('Delete all local data', () => {
  it('also clears what Leadlight keeps in extension storage: page diagnostics and the sidebar’s collapsed state', async () => {
    await saveHostDiagnostics({ hostId: 'gmail', recordFound: true, contactCount: 3, matched: ['span[email]'], missing: [] });
    await fakeBrowser.storage.local.set({ [OPEN_KEY]: false });
    expect(await loadHostDiagnostics()).toHaveLength(1);

    await handlers.deleteAllLocalData({ confirm: 'DELETE' }, sender);

    expect(await loadHostDiagnostics()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('the popup’s “no CRM connected”', () => {
  it('follows the CRM’s credentials, not only the chosen source: after a Salesforce disconnect nothing reaches the CRM', async () => {
    await saveSettings(db, { source: 'salesforce' });
    await updateSecrets(db, { salesforce: SALESFORCE_TOKENS });
    expect((await handlers.getCacheStatus({}, sender)).crmConnected).toBe(true);
    // What a disconnect leaves: the tokens forgotten, the source still Salesforce.
    await updateSecrets(db, { salesforce: undefined });
    expect((await handlers.getCacheStatus({}, sender)).crmConnected).toBe(false);
  });

  it('is false for HubSpot chosen without a token, and true once one is saved', async () => {
    await saveSettings(db, { source: 'hubspot' });
    expect((await handlers.getCacheStatus({}, sender)).crmConnected).toBe(false);
    await updateSecrets(db, { hubspotToken: 'pat-na1-0000-1111-2222' });
    expect((await handlers.getCacheStatus({}, sender)).crmConnected).toBe(true);
  });
});
