import { readdirSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getContactContext } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { FeedbackSchema } from '@/lib/domain/feedback';
import { readFixtureJson } from '../support/fixtures';

type VersionFixture = { version: number; stores: Record<string, string>; rows: Record<string, Record<string, unknown>[]> };

const fixtures = readdirSync(new URL('../fixtures/db/', import.meta.url))
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => readFixtureJson<VersionFixture>(`db/${f}`));

/** Opens a database exactly as a shipped version left it and fills it with that version's rows. */
async function createShippedDatabase(fixture: VersionFixture): Promise<string> {
  const name = `migration-v${fixture.version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe.each(fixtures.map((f) => [f.version, f] as const))('upgrading a v%i database', (_v, fixture) => {
  it('keeps every row and fills what newer versions expect', async () => {
    const db = new LeadlightDb(await createShippedDatabase(fixture));
    await db.open();
    expect(db.verno).toBeGreaterThan(fixture.version);
    for (const [table, rows] of Object.entries(fixture.rows)) {
      expect(await db.table(table).count(), table).toBe(rows.length);
    }
    for (const f of await db.feedback.toArray()) expect(FeedbackSchema.safeParse(f).success, `feedback ${f.id}`).toBe(true);
    const maya = await db.contacts.get('maya.okafor@northwind-logistics.example');
    expect(maya?.fetchedAt).toBe('2026-10-30T08:00:00.000Z');
    // Queries every version must still answer through the upgraded indexes.
    expect(await db.touches.where('email').equals('maya.okafor@northwind-logistics.example').count()).toBe(1);
    expect(await db.contacts.where('tokens').startsWith('okaf').count()).toBe(1);
    const ctx = await getContactContext(db, 'maya.okafor@northwind-logistics.example');
    expect(ctx?.lastFeedback?.note).toBe('Frozen until Q3');
    expect(ctx?.timeline).toHaveLength(1);
    await db.delete();
  });
});
