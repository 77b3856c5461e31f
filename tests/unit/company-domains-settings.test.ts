import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { COMPANY_DOMAINS_KEY } from '@/lib/messaging/sidebar-port';
import { publishCompanyDomains } from '@/lib/settings/company-domains';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

let db: LeadlightDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LeadlightDb(`company-domains-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const stored = async () => (await fakeBrowser.storage.local.get(COMPANY_DOMAINS_KEY))[COMPANY_DOMAINS_KEY];

describe('the company’s other email domains', () => {
  it('are kept as domains, however the rep typed them', async () => {
    await saveSettings(db, { companyDomains: ['@Brightwave.IO ', 'brightwave.de'] });
    expect((await loadSettings(db)).companyDomains).toEqual(['brightwave.io', 'brightwave.de']);
  });

  it('refuse a mailbox provider, whose users are strangers, and what is no domain, keeping what was saved', async () => {
    await saveSettings(db, { companyDomains: ['brightwave.io'] });
    await expect(saveSettings(db, { companyDomains: ['gmail.com'] })).rejects.toThrow(/gmail\.com is a mailbox provider/);
    await expect(saveSettings(db, { companyDomains: ['brightwave'] })).rejects.toThrow(/"brightwave" is not an email domain/);
    await expect(saveSettings(db, { companyDomains: Array.from({ length: 21 }, (_, i) => `d${i}.example`) })).rejects.toThrow(/20 domains/);
    expect((await loadSettings(db)).companyDomains).toEqual(['brightwave.io']);
  });

  it('reach the content scripts through extension storage when saved, and again when the background starts', async () => {
    const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
    const page = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
    await dispatch(handlers, fakeBrowser.runtime.id, 'saveSettings', { companyDomains: ['brightwave.io'] }, page);
    expect(await stored()).toEqual(['brightwave.io']);
    // The browser cleared extension storage; the settings still name the domain.
    await fakeBrowser.storage.local.clear();
    await publishCompanyDomains(db);
    expect(await stored()).toEqual(['brightwave.io']);
  });

  it('are not written again unchanged, since every open tab hears each write', async () => {
    await saveSettings(db, { companyDomains: ['brightwave.io'] });
    await publishCompanyDomains(db);
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener(() => (writes += 1));
    await publishCompanyDomains(db);
    expect(writes).toBe(0);
  });
});
