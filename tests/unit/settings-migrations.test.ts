import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings/settings';
import { readFixtureJson } from '../support/fixtures';

// One fixture per shape an earlier Leadlight stored: what it stored, and what the user must find after upgrading.
const DIR = resolve(import.meta.dirname, '../fixtures/settings');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
type Fixture = { stored: Record<string, unknown>; loaded: Partial<Settings> };

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`settings-migrations-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('settings stored by earlier versions', () => {
  it('has fixtures', () => expect(FIXTURES.length).toBeGreaterThan(0));

  it.each(FIXTURES)('%s loads in today’s shape and keeps what the user set', async (name) => {
    const { stored, loaded } = readFixtureJson<Fixture>(`settings/${name}`);
    await db.settings.put({ key: 'settings', value: stored });
    const settings = await loadSettings(db);
    expect(settings).toMatchObject(loaded);
    // Exactly: nothing of the old shape is left beside the new one.
    expect(settings.salesforce).toEqual(loaded.salesforce);
  });

  it.each(FIXTURES)('%s is kept in today’s shape once anything else is saved', async (name) => {
    const { stored, loaded } = readFixtureJson<Fixture>(`settings/${name}`);
    await db.settings.put({ key: 'settings', value: stored });
    await saveSettings(db, { cacheTtlMinutes: 45 });
    const written = (await db.settings.get('settings'))?.value as Settings;
    expect(written.salesforce).toEqual(loaded.salesforce);
    expect(written.cacheTtlMinutes).toBe(45);
  });
});
