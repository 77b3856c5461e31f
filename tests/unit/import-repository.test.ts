import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { summarizeData } from '@/lib/db/data-summary';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { beginImport, finishImport, upsertRecords } from '@/lib/db/import-repository';
import { importBatch, type ImportBatch } from '@/lib/domain/import-batch';
import { importText } from '@/lib/import/import-text';
import { createCampaign, createContact, createTouch } from '../factories';
import { putRow, storedTouches, touchIds } from '../support/db-rows';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const NOW = new Date('2026-11-20T10:00:00.000Z');

/** A batch of records as the import sends them: touches packed per person. */
const upsert = (on: LeadlightDb, records: Parameters<typeof importBatch>[0], now: Date) => upsertRecords(on, importBatch(records), now);

/** Imports a fixture the way the options page does: begin, every batch in order, finish. */
async function importFixture(name: string, replace = false) {
  const batches: ImportBatch[] = [];
  const { stats } = await importText(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8'), name, {
    onBatch: (b) => batches.push(b),
    batchRows: 3,
  });
  await beginImport(db, replace);
  for (const b of batches) await upsertRecords(db, b, NOW);
  await finishImport(db, name, NOW, replace);
  return stats;
}

const counts = async () => ({
  contacts: await db.contacts.count(),
  campaigns: await db.campaigns.count(),
  touches: (await storedTouches(db)).length,
});

describe('upsertRecords', () => {
  it('merges into the existing contact: new non-empty fields win, the rest is kept', async () => {
    await putRow(db, createContact({ owner: 'Jamie Chen' }), { tokens: ['stale'], viewedAt: '2026-11-01T00:00:00.000Z' });
    const result = await upsert(
      db,
      { contacts: [{ email: 'ada.lovelace@analytical.example', name: 'Ada King', score: 90 }], campaigns: [], touches: [] },
      NOW,
    );
    expect(result).toEqual({ contacts: 1, campaigns: 0, touches: 0 });
    const row = await db.contacts.get('ada.lovelace@analytical.example');
    expect(row).toMatchObject({
      name: 'Ada King',
      score: 90,
      title: 'VP Operations',
      owner: 'Jamie Chen',
      viewedAt: '2026-11-01T00:00:00.000Z',
      fetchedAt: NOW.toISOString(),
    });
    // Search words are no longer stored (v7); a rewritten row drops the old ones.
    expect(row).not.toHaveProperty('tokens');
  });

  it('merges a contact named twice in one batch in order', async () => {
    await upsert(
      db,
      { contacts: [createContact({ title: 'CTO' }), { email: 'ada.lovelace@analytical.example', score: 5 }], campaigns: [], touches: [] },
      NOW,
    );
    expect(await db.contacts.get('ada.lovelace@analytical.example')).toMatchObject({ title: 'CTO', score: 5 });
  });

  it('puts campaigns and touches by id, a touch for an unknown person under a bare contact', async () => {
    await upsert(db, { contacts: [], campaigns: [createCampaign()], touches: [createTouch({ id: 't1' })] }, NOW);
    await upsert(
      db,
      { contacts: [], campaigns: [createCampaign({ name: 'Renamed' })], touches: [createTouch({ id: 't1', responded: false })] },
      NOW,
    );
    expect(await counts()).toEqual({ contacts: 1, campaigns: 1, touches: 1 });
    expect((await db.campaigns.get('cmp-test'))?.name).toBe('Renamed');
    expect((await storedTouches(db)).find((t) => t.id === 't1')?.responded).toBe(false);
    expect(await db.contacts.get('ada.lovelace@analytical.example')).toMatchObject({ email: 'ada.lovelace@analytical.example' });
  });

  it('adds touches to a contact stored by an earlier batch without touching its fields', async () => {
    await upsert(db, { contacts: [createContact({ title: 'CTO' })], campaigns: [], touches: [createTouch({ id: 't1' })] }, NOW);
    await upsert(db, { contacts: [], campaigns: [], touches: [createTouch({ id: 't2' })] }, NOW);
    const row = await db.contacts.get('ada.lovelace@analytical.example');
    expect(row?.title).toBe('CTO');
    expect(touchIds(row)).toEqual(['t1', 't2']);
  });
});

describe('a replacing import', () => {
  it('still merges a contact whose rows fall into two batches', async () => {
    await beginImport(db, true);
    await upsert(db, { contacts: [createContact({ title: 'CTO' })], campaigns: [], touches: [createTouch({ id: 't1' })] }, NOW);
    await upsert(db, { contacts: [createContact({ title: '' })], campaigns: [], touches: [createTouch({ id: 't2' })] }, NOW);
    const row = await db.contacts.get('ada.lovelace@analytical.example');
    expect(row?.title).toBe('CTO');
    expect(touchIds(row)).toEqual(['t1', 't2']);
  });

  it('is over once the next import begins: that one merges with every stored row', async () => {
    await beginImport(db, true);
    await upsert(db, { contacts: [createContact()], campaigns: [], touches: [createTouch({ id: 't1' })] }, NOW);
    await finishImport(db, 'a.csv', NOW, true);
    // Written since by another source (a CRM lookup, say), unknown to that import.
    const grace = 'grace.hopper@navy.example';
    await putRow(db, createContact({ email: grace, title: 'Rear Admiral' }), { touches: [createTouch({ id: 'g1', email: grace })] });
    await beginImport(db, false);
    await upsert(db, { contacts: [], campaigns: [], touches: [createTouch({ id: 'g2', email: grace })] }, NOW);
    const row = await db.contacts.get(grace);
    expect(row?.title).toBe('Rear Admiral');
    expect(touchIds(row)).toEqual(['g1', 'g2']);
  });
});

describe('importing a file', () => {
  it('is idempotent: the same file twice leaves the same rows', async () => {
    await importFixture('salesforce-campaign-members.csv', true);
    const once = await counts();
    expect(once).toEqual({ contacts: 5, campaigns: 7, touches: 7 });
    await importFixture('salesforce-campaign-members.csv');
    expect(await counts()).toEqual(once);
    expect(await db.meta.get('source')).toMatchObject({ name: 'Import: salesforce-campaign-members.csv' });
  });

  it('layers a HubSpot export over a Salesforce one without erasing what HubSpot lacks', async () => {
    await importFixture('salesforce-campaign-members.csv', true);
    await importFixture('hubspot-contacts.csv');
    const maya = await db.contacts.get('maya.okafor@northwind-logistics.example');
    expect(maya).toMatchObject({ title: 'VP Operations', lifecycleStage: 'mql', score: 78, industry: 'Logistics and Supply Chain' });
    expect(touchIds(await db.contacts.get('maya.okafor@northwind-logistics.example'))).toHaveLength(2);
    expect(await db.contacts.get('jordan.lee@unknown-startup.example')).toMatchObject({ name: 'Jordan Lee', company: 'Unknown Startup' });
  });

  it('keeps feedback and clears the demo data only when asked to replace it', async () => {
    await putRow(db, createContact({ email: 'demo@x.example' }), { tokens: [] });
    await importFixture('leadlight-sample.csv', false);
    expect(await db.contacts.get('demo@x.example')).toBeDefined();
    await importFixture('leadlight-sample.csv', true);
    expect(await db.contacts.get('demo@x.example')).toBeUndefined();
    expect(await counts()).toEqual({ contacts: 5, campaigns: 5, touches: 5 });
  });
});

describe('replacing the data', () => {
  const LATER = new Date('2026-11-21T10:00:00.000Z');
  const ada = 'ada.lovelace@analytical.example';
  const grace = 'grace.hopper@navy.example';
  /** The data an import will replace: Grace, and a campaign the new file does not name. */
  async function before() {
    await beginImport(db, true, NOW);
    await upsert(
      db,
      { contacts: [createContact({ email: grace })], campaigns: [createCampaign({ id: 'old-campaign' })], touches: [] },
      NOW,
    );
    await finishImport(db, 'old.csv', NOW, true);
  }
  const newBatch = { contacts: [createContact({ email: ada })], campaigns: [createCampaign({ id: 'new-campaign' })], touches: [] };

  it('keeps it all when the import stops part-way', async () => {
    await before();
    await beginImport(db, true, LATER);
    await upsert(db, newBatch, LATER);
    // The next batch never came (refused, or the browser closed): nothing of the old data is gone.
    expect(await db.contacts.get(grace)).toBeDefined();
    expect(await db.campaigns.get('old-campaign')).toBeDefined();
    expect((await db.meta.get('source'))?.name).toBe('Import: old.csv');
  });

  it('removes what the new file does not hold once the import finishes', async () => {
    await before();
    await beginImport(db, true, LATER);
    await upsert(db, newBatch, LATER);
    await finishImport(db, 'new.csv', LATER, true);
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual([ada]);
    expect(await db.campaigns.toCollection().primaryKeys()).toEqual(['new-campaign']);
  });

  it('credits no field to the replaced source: a person split over two batches is all the new file’s', async () => {
    await before();
    await beginImport(db, true, LATER);
    await upsert(db, { contacts: [createContact({ email: ada, title: 'CTO' })], campaigns: [], touches: [] }, LATER);
    // The second batch's row leaves the title blank: an absent key, as the import sends it.
    await upsert(db, { contacts: [{ email: ada, name: 'Ada Lovelace' }], campaigns: [], touches: [] }, LATER);
    await finishImport(db, 'new.csv', LATER, true);
    const row = await db.contacts.get(ada);
    expect(row?.title).toBe('CTO');
    expect(row?.fieldSources).toBeUndefined();
  });

  it('overwrites, rather than merges into, a replaced row when the worker restarted during the import', async () => {
    await beginImport(db, true, NOW);
    await upsert(
      db,
      { contacts: [createContact({ email: ada, title: 'OLD TITLE' })], campaigns: [], touches: [createTouch({ id: 'old', email: ada })] },
      NOW,
    );
    await finishImport(db, 'old.csv', NOW, true);
    await beginImport(db, true, LATER);
    const restarted = new LeadlightDb(db.name);
    await upsert(
      restarted,
      { contacts: [{ email: ada, name: 'Ada Lovelace' }], campaigns: [], touches: [createTouch({ id: 'new', email: ada })] },
      LATER,
    );
    await finishImport(restarted, 'new.csv', LATER, true);
    const row = await restarted.contacts.get(ada);
    expect(row?.title).toBeUndefined();
    expect(row?.fieldSources).toBeUndefined();
    expect(touchIds(row)).toEqual(['new']);
    restarted.close();
  });

  it('removes it too when the worker restarted during the import', async () => {
    await before();
    await beginImport(db, true, LATER);
    await upsert(db, newBatch, LATER);
    // A restarted worker opens the database afresh, without the import's memory.
    const restarted = new LeadlightDb(db.name);
    await upsert(restarted, { contacts: [createContact({ email: 'new.hire@analytical.example' })], campaigns: [], touches: [] }, LATER);
    await finishImport(restarted, 'new.csv', LATER, true);
    expect((await restarted.contacts.toCollection().primaryKeys()).sort()).toEqual([ada, 'new.hire@analytical.example']);
    restarted.close();
  });
});

describe('the data-source line', () => {
  const name = async () => (await db.meta.get('source'))?.name;

  it('names every file added on top of an import, not only the last', async () => {
    await finishImport(db, 'salesforce-q3.csv', NOW, true);
    await finishImport(db, 'hubspot-contacts.csv', NOW, false);
    expect(await name()).toBe('Import: salesforce-q3.csv, hubspot-contacts.csv');
    await finishImport(db, 'salesforce-q3.csv', NOW, false);
    expect(await name()).toBe('Import: hubspot-contacts.csv, salesforce-q3.csv');
  });

  it('names the source an import was added to, and only the new file once it replaces the data', async () => {
    await db.meta.put({ key: 'source', name: 'Demo data (Brightwave Analytics)', loadedAt: NOW.toISOString() });
    await finishImport(db, 'a.csv', NOW, false);
    await finishImport(db, 'b.csv', NOW, false);
    expect(await name()).toBe('Demo data (Brightwave Analytics) + Import: a.csv, b.csv');
    await finishImport(db, 'c.csv', NOW, true);
    expect(await name()).toBe('Import: c.csv');
  });

  it('counts the files past the third instead of growing without end', async () => {
    await finishImport(db, 'f1.csv', NOW, true);
    for (const f of ['f2.csv', 'f3.csv', 'f4.csv', 'f5.csv']) await finishImport(db, f, NOW, false);
    expect(await name()).toBe('Import: f3.csv, f4.csv, f5.csv and 2 earlier files');
  });
});

describe('summarizeData', () => {
  it('counts what replacing the cache would remove, touches inside contact rows included', async () => {
    await importFixture('salesforce-campaign-members.csv', true);
    await saveFeedback(db, { email: 'maya.okafor@northwind-logistics.example', verdict: 'good' }, 'alex');
    expect(await summarizeData(db, 'Demo data')).toEqual({
      sourceName: 'Import: salesforce-campaign-members.csv',
      demo: false,
      contacts: 5,
      touches: 7,
      campaigns: 7,
      feedback: 1,
    });
    await db.meta.put({ key: 'source', name: 'Demo data' });
    expect((await summarizeData(db, 'Demo data')).demo).toBe(true);
  });
});
