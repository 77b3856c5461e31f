import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchContacts } from '@/lib/db/contact-search';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { replaceDataset } from '@/lib/db/seed';
import { ContactIndex, type ContactSummary } from '@/lib/search/contact-index';
import { createContact } from '../factories';

// Invented people named in issue 10's examples, plus near misses that must rank lower.
const PEOPLE: ContactSummary[] = [
  { email: 'priya.raman@corvidretail.example', name: 'Priya Raman', company: 'Corvid Retail' },
  { email: 'daniel.kim@helixbio.example', name: 'Daniel Kim', company: 'Helix Biotech' },
  { email: 'jonas.muller@alpenfracht.example', name: 'Jonas Müller', company: 'Alpenfracht' },
  { email: 'ana.sousa@saopaulo-log.example', name: 'Ana Sousa', company: 'São Paulo Logística' },
  { email: 'kimberly.doe@northwind.example', name: 'Kimberly Doe', company: 'Northwind' },
  { email: 'kim@helixware.example', name: 'Kim Park', company: 'Helixware' },
  { email: 'tom.kimball@corvidretail.example', name: 'Tom Kimball', company: 'Corvid Retail' },
  { email: 'ariya.shah@fjord.example', name: 'Ariya Shah', company: 'Fjord' },
];
const names = (r: ContactSummary[]) => r.map((c) => c.name);

describe('ContactIndex', () => {
  const index = new ContactIndex(PEOPLE);

  it('finds contacts by email domain, with or without the @', () => {
    expect(names(index.search('corvidretail.example')).sort()).toEqual(['Priya Raman', 'Tom Kimball']);
    expect(names(index.search('@corvidretail')).sort()).toEqual(['Priya Raman', 'Tom Kimball']);
  });

  it('finds part of an address across the @', () => {
    // Kim Park's address starts with it, so it ranks first.
    expect(names(index.search('kim@helix'))).toEqual(['Kim Park', 'Daniel Kim']);
  });

  it('finds the middle of a word', () => {
    expect(names(index.search('iya'))).toEqual(['Ariya Shah', 'Priya Raman']);
  });

  it('ignores accents both ways', () => {
    expect(names(index.search('muller'))).toEqual(['Jonas Müller']);
    expect(names(index.search('MÜLLER'))).toEqual(['Jonas Müller']);
    expect(names(index.search('sao paulo'))).toEqual(['Ana Sousa']);
  });

  it('ranks exact and prefix matches first, then whole words, word starts, and matches inside a word', () => {
    // Names that start with it (a whole word before a longer one), then a whole later word, then a word start.
    expect(names(index.search('kim'))).toEqual(['Kim Park', 'Kimberly Doe', 'Daniel Kim', 'Tom Kimball']);
    expect(names(index.search('kim park'))).toEqual(['Kim Park']);
    expect(names(index.search('priya raman'))).toEqual(['Priya Raman']);
    expect(index.search('kim@helixware.example')[0]?.name).toBe('Kim Park');
  });

  it('reads punctuation in a query as a word break: CRM-style names, apostrophes either way, plus-addressed emails', () => {
    const more = new ContactIndex([
      ...PEOPLE,
      { email: 'sob@fjord.example', name: 'Seán O’Brien', company: 'Fjord' },
      { email: 'jane+leads@acme.example', name: 'Jane Doe', company: 'Acme' },
      { email: 'lena.smith-jones@acme.example', name: 'Lena Smith-Jones', company: 'Acme' },
    ]);
    expect(names(more.search('Raman, Priya'))).toEqual(['Priya Raman']);
    expect(names(more.search("o'brien"))).toEqual(['Seán O’Brien']);
    expect(names(more.search('obrien'))).toEqual(['Seán O’Brien']);
    expect(names(more.search('jane@acme.example'))).toEqual(['Jane Doe']);
    expect(names(more.search('smithjones'))).toEqual(['Lena Smith-Jones']);
  });

  it('needs every word and returns at most the limit', () => {
    expect(index.search('priya kim')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('a', 3)).toHaveLength(3);
  });
});

describe('searchContacts in the background', () => {
  let db: LeadlightDb;
  beforeEach(async () => {
    db = new LeadlightDb(`test-${crypto.randomUUID()}`);
    await replaceDataset(
      db,
      { contacts: PEOPLE.map((p) => createContact(p)), campaigns: [], touches: [], personas: [] },
      'Test',
      new Date(),
    );
  });
  afterEach(() => db.delete());

  it('follows writes made after the index was built', async () => {
    expect(names(await searchContacts(db, 'muller'))).toEqual(['Jonas Müller']);
    const newcomer = createContact({ email: 'lena.moller@fjord.example', name: 'Lena Möller', company: 'Fjord' });
    await db.contacts.put(contactRow(newcomer, []));
    expect(names(await searchContacts(db, 'moller'))).toEqual(['Lena Möller']);
    await db.contacts.delete('jonas.muller@alpenfracht.example');
    expect(await searchContacts(db, 'muller')).toEqual([]);
    await db.contacts.update('priya.raman@corvidretail.example', { name: 'Priya Raman-Iyer' });
    expect(names(await searchContacts(db, 'iyer'))).toEqual(['Priya Raman-Iyer']);
    await db.contacts.clear();
    expect(await searchContacts(db, 'kim')).toEqual([]);
  });

  it('forgets a write whose transaction was rolled back', async () => {
    expect(names(await searchContacts(db, 'kim park'))).toEqual(['Kim Park']);
    const ghost = createContact({ email: 'ghost@x.example', name: 'Ghost Writer' });
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.put(contactRow(ghost, []));
        throw new Error('the batch failed after its puts');
      }),
    ).rejects.toThrow('the batch failed');
    expect(await db.contacts.get('ghost@x.example')).toBeUndefined();
    expect(await searchContacts(db, 'ghost')).toEqual([]);
  });
});
