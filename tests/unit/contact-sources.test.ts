import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactContext } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { beginImport, finishImport, upsertRecords } from '@/lib/db/import-repository';
import { createContact } from '../factories';

const EMAIL = 'ada.lovelace@analytical.example';
const MARCH = new Date('2026-03-02T09:15:00.000Z');
const APRIL = new Date('2026-04-07T10:32:00.000Z');

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

async function importFile(name: string, contacts: Parameters<typeof upsertRecords>[1]['contacts'], at: Date) {
  await beginImport(db, false);
  await upsertRecords(db, { contacts, campaigns: [], touches: [] }, at);
  await finishImport(db, name, at);
}

describe('where each part of a contact came from', () => {
  it('cites the record source and when it was written', async () => {
    await importFile('leads.csv', [createContact()], MARCH);
    const ctx = await getContactContext(db, EMAIL);
    expect(ctx?.sources).toEqual({ record: { name: 'import of leads.csv', at: MARCH.toISOString() }, fields: {} });
  });

  it('marks a field kept from an earlier import that the later file left blank', async () => {
    await importFile('salesforce.csv', [createContact({ owner: 'Jamie Chen' })], MARCH);
    // The HubSpot export has a new title and stage but no owner or company.
    await importFile('hubspot.csv', [{ email: EMAIL, title: 'COO', lifecycleStage: 'sql' }], APRIL);
    const ctx = await getContactContext(db, EMAIL);
    expect(ctx?.contact).toMatchObject({ title: 'COO', owner: 'Jamie Chen', company: 'Analytical Engines' });
    expect(ctx?.sources?.record).toEqual({ name: 'import of hubspot.csv', at: APRIL.toISOString() });
    expect(ctx?.sources?.fields.owner).toEqual({ name: 'import of salesforce.csv', at: MARCH.toISOString() });
    expect(ctx?.sources?.fields.company).toEqual({ name: 'import of salesforce.csv', at: MARCH.toISOString() });
    expect(ctx?.sources?.fields).not.toHaveProperty('title');
    expect(ctx?.sources?.fields).not.toHaveProperty('lifecycleStage');

    // A third file that fills the owner takes that field over.
    await importFile('owners.csv', [{ email: EMAIL, owner: 'Riley Novak' }], new Date('2026-05-01T00:00:00.000Z'));
    const later = await getContactContext(db, EMAIL);
    expect(later?.sources?.fields).not.toHaveProperty('owner');
    expect(later?.sources?.fields.title).toEqual({ name: 'import of hubspot.csv', at: APRIL.toISOString() });
    expect(later?.sources?.fields.company).toEqual({ name: 'import of salesforce.csv', at: MARCH.toISOString() });
  });
});
