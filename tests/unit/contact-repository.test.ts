import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactContext, searchContacts } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { replaceDataset } from '@/lib/db/seed';
import { createCampaign, createContact, createPersona, createTouch } from '../factories';

let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
  await replaceDataset(
    db,
    {
      contacts: [createContact(), createContact({ email: 'grace.hopper@navy.example', name: 'Grace Hopper', company: 'Navy Labs' })],
      campaigns: [createCampaign(), createCampaign({ id: 'cmp-2', name: 'Case study mailer', type: 'email_nurture' })],
      touches: [
        createTouch({ date: '2026-02-01T00:00:00.000Z' }),
        createTouch({ campaignId: 'cmp-2', assetType: 'case_study', date: '2026-05-01T00:00:00.000Z' }),
        createTouch({ campaignId: 'cmp-gone', assetType: 'email', date: '2026-04-01T00:00:00.000Z' }),
      ],
      personas: [createPersona()],
    },
    'Test source',
    new Date('2026-11-01T12:00:00.000Z'),
  );
});
afterEach(() => db.delete());

describe('getContactContext', () => {
  it('assembles contact, newest-first timeline with campaigns, persona ranking and source', async () => {
    const ctx = await getContactContext(db, ' Ada.Lovelace@Analytical.example ');
    expect(ctx?.contact.name).toBe('Ada Lovelace');
    expect(ctx?.contact).not.toHaveProperty('tokens');
    expect(ctx?.timeline.map((t) => t.date.slice(0, 7))).toEqual(['2026-05', '2026-04', '2026-02']);
    expect(ctx?.timeline[0]?.campaign?.name).toBe('Case study mailer');
    // A touch whose campaign is missing is still shown, by id.
    expect(ctx?.timeline[1]?.campaign).toBeUndefined();
    expect(ctx?.personaMatches[0]).toMatchObject({ personaId: 'ops', score: 100 });
    expect(ctx?.source).toEqual({ name: 'Test source', dataAsOf: '2026-11-01T12:00:00.000Z' });
  });

  it('returns null for an address it has no record of', async () => {
    expect(await getContactContext(db, 'nobody@nowhere.example')).toBeNull();
  });
});

describe('searchContacts', () => {
  it('finds by name prefix, company word, and email', async () => {
    expect((await searchContacts(db, 'gra')).map((c) => c.email)).toEqual(['grace.hopper@navy.example']);
    expect((await searchContacts(db, 'navy')).map((c) => c.name)).toEqual(['Grace Hopper']);
    expect((await searchContacts(db, 'ada.lovelace@analytical.example')).map((c) => c.name)).toEqual(['Ada Lovelace']);
  });

  it('requires every typed word to match', async () => {
    expect(await searchContacts(db, 'grace lovelace')).toEqual([]);
    expect((await searchContacts(db, 'grace hop')).length).toBe(1);
  });

  it('returns nothing for an empty query', async () => {
    expect(await searchContacts(db, '   ')).toEqual([]);
  });
});
