import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

// Settings as an earlier Leadlight, or a hand edit of storage, may have left them.
let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`settings-repair-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const store = (value: Record<string, unknown>) => db.settings.put({ key: 'settings', value });
const stored = async () => (await db.settings.get('settings'))?.value as Record<string, unknown>;
const TEAM_SLA = { firstTouchHours: 4, timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '16:00' };

describe('stored settings that no longer validate', () => {
  it('lose only a bad holiday: the team SLA keeps its time zone and other holidays, and the page is told', async () => {
    await store({ source: 'hubspot', sla: { ...TEAM_SLA, holidays: ['2026-12-25', '2026-02-30', '2026-12-26'] } });
    const loaded = await loadSettings(db);
    expect(loaded.sla).toEqual({ ...TEAM_SLA, holidays: ['2026-12-25', '2026-12-26'] });
    expect(loaded.repairs).toEqual([
      expect.objectContaining({ field: 'sla', message: expect.stringMatching(/^Hand-off SLA: a holiday “2026-02-30”.*left it out/) }),
    ]);
    expect(loaded.repairs?.[0]?.message).toContain('That day does not exist');
    await saveSettings(db, { cacheTtlMinutes: 30 });
    expect((await loadSettings(db)).sla).toEqual({ ...TEAM_SLA, holidays: ['2026-12-25', '2026-12-26'] });
  });

  it('keep the Salesforce consumer key when the login host was stored in capitals', async () => {
    await store({
      source: 'salesforce',
      salesforce: { clientId: '3MVG9-brightwave-consumer-key', loginHost: 'Brightwave.My.Salesforce.com' },
    });
    const loaded = await loadSettings(db);
    expect(loaded.salesforce).toEqual({ clientId: '3MVG9-brightwave-consumer-key', loginHost: 'brightwave.my.salesforce.com' });
    expect(loaded.repairs?.map((r) => r.message)).toEqual([
      'Salesforce: the login host “Brightwave.My.Salesforce.com” was changed to lower case.',
    ]);
  });

  it('keep the rep’s email when their stored name is too long to sign with', async () => {
    await store({ rep: { email: 'sam.ortiz@brightwave.example', name: 'S'.repeat(201) } });
    const loaded = await loadSettings(db);
    expect(loaded.rep).toEqual({ email: 'sam.ortiz@brightwave.example' });
    expect(loaded.repairs?.[0]?.message).toMatch(
      /^You: your name “S+…” could not be used \(longer than 200 characters\), so Leadlight left it out\.$/,
    );
  });

  it('keep a feed stored with a password in its URL, without the password, and never show the password', async () => {
    await store({ source: 'feed', feed: { url: 'https://ops:s3cret@feeds.brightwave.example/leads.json', intervalMinutes: 30 } });
    const loaded = await loadSettings(db);
    expect(loaded.feed).toEqual({ url: 'https://feeds.brightwave.example/leads.json', intervalMinutes: 30 });
    expect(loaded.source).toBe('feed');
    expect(loaded.repairs?.[0]?.message).toMatch(/^JSON feed: the user name and password were removed from the feed URL/);
    expect(JSON.stringify(loaded.repairs)).not.toContain('s3cret');
  });

  it('fall back to a default only for the setting that cannot be repaired, and keep it stored until that setting is saved', async () => {
    const sla = { ...TEAM_SLA, timeZone: 'Mars/Olympus_Mons' };
    const feed = { url: 'http://feeds.brightwave.example/leads.json', intervalMinutes: 60 };
    await store({ source: 'hubspot', sla, feed, rep: { email: 'sam.ortiz@brightwave.example' } });
    const loaded = await loadSettings(db);
    expect(loaded).toMatchObject({ source: 'hubspot', rep: { email: 'sam.ortiz@brightwave.example' } });
    expect(loaded.sla).toBeUndefined();
    expect(loaded.feed).toBeUndefined();
    const messages = loaded.repairs?.map((r) => r.message) ?? [];
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^JSON feed: the saved feed “http:\/\/feeds\.brightwave\.example\/leads\.json” could not be used/);
    expect(messages[1]).toMatch(/^Hand-off SLA: the saved settings could not be used \(Unknown time zone.*treats the SLA as not set/);

    // Saving something else leaves both as they were stored, for the user to correct.
    const saved = await saveSettings(db, { rep: { email: 'sam.ortiz@brightwave.example', name: 'Sam Ortiz' } });
    expect(saved.repairs).toHaveLength(2);
    expect(await stored()).toMatchObject({ sla, feed, rep: { name: 'Sam Ortiz' } });

    // Saving the SLA itself replaces what was stored, and it is no longer reported.
    await saveSettings(db, { sla: { ...TEAM_SLA } });
    expect((await stored()).sla).toEqual(TEAM_SLA);
    expect((await stored()).feed).toEqual(feed);
    expect((await loadSettings(db)).repairs?.map((r) => r.field)).toEqual(['feed']);
  });

  it('are logged in the background once, not on every read', async () => {
    await store({ rep: { email: 'not an address', name: 'Sam Ortiz' } });
    expect((await loadSettings(db)).rep).toEqual({ name: 'Sam Ortiz' });
    await db.settings.put({ key: 'secrets', value: {} });
    await loadSettings(db);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(vi.mocked(console.warn).mock.calls[0]?.[0]).toContain(
      'You: your work email “not an address” could not be used (Enter your work email address)',
    );
  });

  it('report nothing when everything validates', async () => {
    await saveSettings(db, { source: 'hubspot', sla: { ...TEAM_SLA } });
    expect(await loadSettings(db)).not.toHaveProperty('repairs');
    expect(console.warn).not.toHaveBeenCalled();
  });
});
