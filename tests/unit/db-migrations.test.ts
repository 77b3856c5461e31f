import { readdirSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getContactContext, searchContacts } from '@/lib/db/contact-repository';
import { touchesOf } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { FeedbackSchema } from '@/lib/domain/feedback';
import { readFixtureJson } from '../support/fixtures';

type Row = Record<string, unknown>;
/** `expectedTouches`: the touches a fixture's rows hold, where rows store them packed (v9 on). */
type VersionFixture = { version: number; stores: Record<string, string>; rows: Record<string, Row[]>; expectedTouches?: Row[] };

const fixtures = readdirSync(new URL('../fixtures/db/', import.meta.url))
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => readFixtureJson<VersionFixture>(`db/${f}`))
  .sort((a, b) => a.version - b.version);

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

const MAYA = 'maya.okafor@northwind-logistics.example';

it('has a fixture for every shipped schema version before the current one', async () => {
  const db = new LeadlightDb(`versions-${crypto.randomUUID()}`);
  await db.open();
  expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: db.verno - 1 }, (_, i) => i + 1));
  await db.delete();
});

describe.each(fixtures.map((f) => [f.version, f] as const))('upgrading a v%i database', (_v, fixture) => {
  it('keeps every row and fills what newer versions expect', async () => {
    const db = new LeadlightDb(await createShippedDatabase(fixture));
    await db.open();
    expect(db.verno).toBeGreaterThan(fixture.version);
    const { touches: touchRows, contacts = [], ...others } = fixture.rows;
    // Before v4 touches had a table of their own; from v4 on they sit in their contact's row.
    const touches =
      touchRows ?? fixture.expectedTouches ?? contacts.flatMap((c) => (c.touches as Row[]).map((t): Row => ({ ...t, email: c.email })));
    for (const [table, rows] of Object.entries(others)) expect(await db.table(table).count(), table).toBe(rows.length);
    for (const f of await db.feedback.toArray()) expect(FeedbackSchema.safeParse(f).success, `feedback ${f.id}`).toBe(true);

    // v4: every touch now sits in its contact's row, without the repeated email.
    const rows = await db.contacts.toArray();
    const stored = rows.flatMap((r) => touchesOf(r));
    expect(stored.map((t) => t.id).sort()).toEqual(touches.map((t) => t.id).sort());
    for (const t of touches) expect(stored.find((s) => s.id === t.id)).toStrictEqual(t);
    // v9: packed, one list of texts and one of numbers per row, and no search words left.
    for (const r of rows) expect(Object.keys(r.touches).sort()).toEqual(['s', 't']);
    for (const r of rows) expect(r).not.toHaveProperty('tokens');
    // A touch whose person had no contact row keeps a bare row; no contact is lost or doubled.
    const emails = new Set([...contacts.map((c) => c.email), ...touches.map((t) => t.email)]);
    expect(rows.map((r) => r.email).sort()).toEqual([...emails].sort());
    expect(db.tables.map((t) => t.name)).not.toContain('touches');

    const maya = await db.contacts.get(MAYA);
    expect(maya?.fetchedAt).toBe('2026-10-30T08:00:00.000Z');
    // Search still finds people (from v7 on an in-memory index, not the dropped words index).
    expect((await searchContacts(db, 'okaf')).map((c) => c.email)).toEqual([MAYA]);
    // v10: the contacts handed to sales, and only they, are found through their hand-off date.
    expect(db.contacts.schema.indexes.map((i) => i.name)).toEqual(['viewedAt', 'handoffAt']);
    const handedOff = contacts.filter((c) => c.handoffAt).map((c) => c.email);
    expect(await db.contacts.where('handoffAt').aboveOrEqual('').primaryKeys()).toEqual(handedOff);
    const ctx = await getContactContext(db, MAYA);
    expect(ctx?.lastFeedback?.note).toBe('Frozen until Q3');
    expect(ctx?.timeline.map((t) => t.id)).toEqual(touches.filter((t) => t.email === MAYA).map((t) => t.id));
    expect(ctx?.contact).not.toHaveProperty('touches');
    // v8: no report is kept yet; the first one computed will be.
    expect(await db.reportViews.count()).toBe(0);
    await db.delete();
  });
});
