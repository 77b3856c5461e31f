import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { cachedTable } from '@/lib/db/small-table-cache';
import { createCampaign } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`small-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('small-table cache', () => {
  it('reads a small table once, then serves it from memory', async () => {
    await db.campaigns.put(createCampaign({ id: 'a' }));
    const read = vi.fn(() => db.campaigns.toArray());
    await cachedTable(db, 'campaigns', read);
    const second = await cachedTable(db, 'campaigns', read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(second.map((c) => c.id)).toEqual(['a']);
  });

  it('forgets a table on any write to it: put, delete and clear', async () => {
    const read = () => db.campaigns.toArray().then((cs) => cs.map((c) => c.id));
    expect(await cachedTable(db, 'campaigns', read)).toEqual([]);
    await db.campaigns.put(createCampaign({ id: 'b' }));
    expect(await cachedTable(db, 'campaigns', read)).toEqual(['b']);
    await db.campaigns.delete('b');
    expect(await cachedTable(db, 'campaigns', read)).toEqual([]);
    await db.campaigns.bulkPut([createCampaign({ id: 'c' }), createCampaign({ id: 'd' })]);
    expect(await cachedTable(db, 'campaigns', read)).toEqual(['c', 'd']);
    await db.transaction('rw', db.campaigns, () => db.campaigns.clear());
    expect(await cachedTable(db, 'campaigns', read)).toEqual([]);
  });

  it('is not used for large tables', async () => {
    const read = vi.fn(async () => 1);
    await cachedTable(db, 'touches', read);
    await cachedTable(db, 'touches', read);
    expect(read).toHaveBeenCalledTimes(2);
  });
});

describe('settings and secrets through the cache', () => {
  it('are read once, kept apart although they share a table, and fresh after either is written', async () => {
    const { loadSettings, saveSettings } = await import('@/lib/settings/settings');
    const { loadSecrets, updateSecrets } = await import('@/lib/settings/secrets');
    const get = vi.spyOn(db.settings, 'get');
    await loadSettings(db);
    await loadSettings(db);
    await loadSecrets(db);
    await loadSecrets(db);
    expect(get).toHaveBeenCalledTimes(2);
    await updateSecrets(db, { hubspotToken: 'pat-na1-0000-1111' });
    await saveSettings(db, { cacheTtlMinutes: 5 });
    expect((await loadSettings(db)).cacheTtlMinutes).toBe(5);
    expect((await loadSecrets(db)).hubspotToken).toBe('pat-na1-0000-1111');
  });
});
