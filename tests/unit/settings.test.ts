import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { describeSecrets, loadSecrets, updateSecrets } from '@/lib/settings/secrets';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings/settings';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`settings-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('settings', () => {
  it('defaults to the demo source', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.source).toBe('demo');
  });

  it('refuses invalid changes with a readable error and keeps what was stored', async () => {
    await saveSettings(db, { cacheTtlMinutes: 30 });
    await expect(saveSettings(db, { feed: { url: 'http://insecure.example/feed.json', intervalMinutes: 60 } })).rejects.toThrow(/https/);
    await expect(saveSettings(db, { salesforce: { loginHost: 'evil.example', clientId: undefined } })).rejects.toThrow(/Salesforce host/);
    expect((await loadSettings(db)).cacheTtlMinutes).toBe(30);
  });

  it.each(['https://*/feed.json', 'https://*.example.com/feed.json', 'https://user:pw@feeds.example.com/f.json'])(
    'refuses the feed URL %s, which would ask for more than one host or store a password',
    async (url) => {
      await expect(saveSettings(db, { source: 'feed', feed: { url, intervalMinutes: 60 } })).rejects.toThrow(/wildcards|password/);
      expect((await loadSettings(db)).feed).toBeUndefined();
    },
  );

  it('accepts a feed URL on one HTTPS host', async () => {
    const url = 'https://marketing.brightwave.example/leadlight/feed.json';
    expect((await saveSettings(db, { source: 'feed', feed: { url, intervalMinutes: 60 } })).feed?.url).toBe(url);
  });

  it('repairs a stored field that no longer validates without losing the others', async () => {
    await db.settings.put({
      key: 'settings',
      value: { source: 'hubspot', cacheTtlMinutes: -5, hubspot: { writeBackProperty: 'lead_quality' } },
    });
    const loaded = await loadSettings(db);
    expect(loaded).toMatchObject({ source: 'hubspot', cacheTtlMinutes: 60, hubspot: { writeBackProperty: 'lead_quality' } });
  });

  it('keeps the Salesforce verdict fields an admin mapped, and refuses a mapping Salesforce could not take', async () => {
    const salesforce = { loginHost: 'login.salesforce.com' };
    const verdictFields = {
      Lead: {
        verdict: { field: 'Status', values: { good: 'Working', bad: 'Unqualified' } },
        reason: { field: 'Unqualified_Reason__c', kind: 'picklist' as const, values: { no_budget: 'No Budget' } },
      },
    };
    await saveSettings(db, { salesforce: { ...salesforce, verdictFields } });
    expect((await loadSettings(db)).salesforce.verdictFields).toEqual(verdictFields);
    const refused = [
      { Lead: { verdict: { field: 'Lead Status', values: { bad: 'Unqualified' } } } },
      { Lead: { verdict: { field: 'Lead_Feedback__c', length: 3, values: { bad: 'Unqualified' } } } },
      { Lead: { verdict: { field: 'Status', values: { bad: 'Unqualified' } }, reason: { field: 'Status', kind: 'text' as const } } },
    ];
    for (const bad of refused) await expect(saveSettings(db, { salesforce: { ...salesforce, verdictFields: bad } })).rejects.toThrow();
    expect((await loadSettings(db)).salesforce.verdictFields).toEqual(verdictFields);
  });

  it('keeps an edited worked-status list per source and refuses blank entries', async () => {
    await saveSettings(db, { workedStatuses: { salesforce: ['Working - Contacted', 'Called'] } });
    expect((await loadSettings(db)).workedStatuses).toEqual({ salesforce: ['Working - Contacted', 'Called'] });
    await expect(saveSettings(db, { workedStatuses: { hubspot: ['  '] } })).rejects.toThrow();
    expect((await loadSettings(db)).workedStatuses).toEqual({ salesforce: ['Working - Contacted', 'Called'] });
  });
});

describe('SLA context', () => {
  it('runs the demo on its own clock and company SLA, and other sources on the real clock', async () => {
    const { slaContext } = await import('@/lib/settings/sla-context');
    const real = new Date('2027-01-04T10:00:00Z');
    const demo = slaContext(DEFAULT_SETTINGS, real, 'America/New_York');
    expect(demo).toMatchObject({ now: new Date('2026-11-20T09:00:00.000Z'), configured: true, settings: { timeZone: 'Europe/London' } });
    expect(demo.worked).toContain('attempting_contact');
    const hubspot = slaContext({ ...DEFAULT_SETTINGS, source: 'hubspot' }, real, 'America/New_York');
    expect(hubspot).toMatchObject({ now: real, configured: false, settings: { timeZone: 'America/New_York' } });
    expect(hubspot.worked).toContain('Attempted to Contact');
    // Activities read live are named by their CRM; the demo's came with its data.
    expect(hubspot.loggedIn).toBe('HubSpot');
    expect(slaContext({ ...DEFAULT_SETTINGS, source: 'salesforce' }, real).loggedIn).toBe('Salesforce');
    expect(demo).not.toHaveProperty('loggedIn');
  });
});

describe('secrets', () => {
  it('are stored in the background database and described without their values', async () => {
    await updateSecrets(db, { hubspotToken: 'pat-na1-0000-1111-2222' });
    expect((await loadSecrets(db)).hubspotToken).toBe('pat-na1-0000-1111-2222');
    const described = describeSecrets(await loadSecrets(db));
    expect(described).toEqual({ hubspotConnected: true, salesforceConnected: false, salesforceInstance: undefined });
    expect(JSON.stringify(described)).not.toContain('pat-na1');
  });
});
