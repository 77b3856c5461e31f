import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { beginImport, finishImport, upsertRecords } from '@/lib/db/import-repository';
import { importBatch } from '@/lib/domain/import-batch';
import { createContact } from '../factories';
import { putRow } from '../support/db-rows';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const NOW = new Date('2026-11-20T10:00:00.000Z');
const OLD = 'old.person@brightwave.example';
const REPLACING = 'replacing.person@tessel.example';
const ADDED = 'added.person@tessel.example';
const upsert = (email: string, title: string, at = NOW) =>
  upsertRecords(db, importBatch({ contacts: [createContact({ email, title })], campaigns: [], touches: [] }), at);
const emails = () => db.contacts.toCollection().primaryKeys();

describe('a file added while another import replaces the data', () => {
  it('does not cut the replacing import short: the old data still goes, both files stay', async () => {
    await putRow(db, createContact({ email: OLD }));
    await beginImport(db, true, NOW);
    await upsert(REPLACING, 'CFO');
    await beginImport(db, false, NOW);
    await upsert(ADDED, 'CTO');
    await finishImport(db, 'added.csv', NOW, false);
    await upsert(REPLACING, 'CEO');
    await finishImport(db, 'q3-leads.csv', NOW, true);
    expect(await emails()).toEqual([ADDED, REPLACING]);
    expect((await db.contacts.get(REPLACING))?.title).toBe('CEO');
    expect((await db.meta.get('source'))?.name).toBe('Import: q3-leads.csv');
  });
});

describe('a file added after a replacing import ended', () => {
  it('merges with the old data once a replacing import was cancelled', async () => {
    await putRow(db, createContact({ email: OLD, title: 'VP Sales' }));
    await beginImport(db, true, NOW);
    await upsert(REPLACING, 'CFO');
    // Cancelled: the session records it as added to the data it was to replace.
    await finishImport(db, 'q3-leads.csv', NOW, false);
    await beginImport(db, false, NOW);
    await upsert(OLD, '');
    await finishImport(db, 'added.csv', NOW, false);
    expect(await emails()).toEqual([OLD, REPLACING]);
    expect((await db.contacts.get(OLD))?.title).toBe('VP Sales');
  });

  it('merges with the old data when a replacing import was left hours ago by a closed browser', async () => {
    await putRow(db, createContact({ email: OLD, title: 'VP Sales' }));
    const hoursAgo = new Date(NOW.getTime() - 3 * 60 * 60_000);
    await beginImport(db, true, hoursAgo);
    await upsert(REPLACING, 'CFO', hoursAgo);
    // The browser closed: no finish. A new worker starts without the old one's memory.
    db.close();
    db = new LeadlightDb(db.name);
    await beginImport(db, false, NOW);
    await upsert(OLD, '');
    await finishImport(db, 'added.csv', NOW, false);
    expect((await db.contacts.get(OLD))?.title).toBe('VP Sales');
    expect(await emails()).toEqual([OLD, REPLACING]);
  });
});
