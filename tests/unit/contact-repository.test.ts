import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactContext, getContactContexts, loadContactsAndTouches, searchContacts } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { replaceDataset } from '@/lib/db/seed';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact, createFeedback, createPersona, createTouch } from '../factories';

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
  it('answers several contacts in one read, each with only their own verdict', async () => {
    await db.feedback.put(createFeedback({ id: 'fb-grace', email: 'grace.hopper@navy.example', verdict: 'bad' }));
    const [ada, nobody, grace] = await getContactContexts(db, [
      'ada.lovelace@analytical.example',
      'nobody@nowhere.example',
      'grace.hopper@navy.example',
    ]);
    expect(ada?.contact.name).toBe('Ada Lovelace');
    expect(ada?.lastFeedback).toBeUndefined();
    expect(nobody).toBeNull();
    expect(grace?.contact.name).toBe('Grace Hopper');
    expect(grace?.lastFeedback?.id).toBe('fb-grace');
  });

  it('shows a verdict given after the contact was last looked up, and none once it is deleted', async () => {
    expect((await getContactContext(db, 'grace.hopper@navy.example'))?.lastFeedback).toBeUndefined();
    await db.feedback.put(createFeedback({ id: 'fb-grace', email: 'grace.hopper@navy.example', verdict: 'good' }));
    expect((await getContactContext(db, 'grace.hopper@navy.example'))?.lastFeedback?.id).toBe('fb-grace');
    await db.feedback.delete('fb-grace');
    expect((await getContactContext(db, 'grace.hopper@navy.example'))?.lastFeedback).toBeUndefined();
  });

  it('names a campaign as it is now, after the campaign was renamed between two lookups', async () => {
    expect((await getContactContext(db, 'ada.lovelace@analytical.example'))?.timeline[0]?.campaign?.name).toBe('Case study mailer');
    await db.campaigns.put(createCampaign({ id: 'cmp-2', name: 'Case study mailer, 2nd edition', type: 'email_nurture' }));
    expect((await getContactContext(db, 'ada.lovelace@analytical.example'))?.timeline[0]?.campaign?.name).toBe(
      'Case study mailer, 2nd edition',
    );
  });

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

describe('loadContactsAndTouches', () => {
  it('returns every contact without its row bookkeeping and every touch with its email', async () => {
    const { contacts, touches } = await loadContactsAndTouches(db);
    expect(contacts.map((c) => c.email).sort()).toEqual(['ada.lovelace@analytical.example', 'grace.hopper@navy.example']);
    for (const c of contacts) expect(Object.keys(c)).not.toEqual(expect.arrayContaining(['tokens']));
    for (const c of contacts) expect(c).not.toHaveProperty('touches');
    expect(touches.map((t) => [t.email, t.campaignId]).sort()).toEqual([
      ['ada.lovelace@analytical.example', 'cmp-2'],
      ['ada.lovelace@analytical.example', 'cmp-gone'],
      ['ada.lovelace@analytical.example', 'cmp-test'],
    ]);
  });

  it('keeps a touch whose person the dataset does not list, under a bare contact', async () => {
    await replaceDataset(
      db,
      { contacts: [createContact()], campaigns: [], touches: [createTouch({ email: 'lena.vogel@tessel.example' })], personas: [] },
      'Feed',
    );
    const { contacts, touches } = await loadContactsAndTouches(db);
    expect(contacts.find((c) => c.email === 'lena.vogel@tessel.example')).toEqual({ email: 'lena.vogel@tessel.example' });
    expect(touches.map((t) => t.email)).toEqual(['lena.vogel@tessel.example']);
    expect((await getContactContext(db, 'lena.vogel@tessel.example'))?.timeline).toHaveLength(1);
  });
});

describe('coming up', () => {
  const webinar = createCampaign({
    id: 'cmp-winter',
    name: 'Winter Peak Readiness Webinar',
    type: 'webinar',
    status: 'planned',
    eventDate: '2026-12-03T16:00:00.000Z',
  });
  const ada = 'ada.lovelace@analytical.example';
  const later = new Date('2027-06-01T12:00:00.000Z');

  it('is measured from the demo’s own today on the demo data, so its webinars stay ahead', async () => {
    await db.campaigns.put(webinar);
    const [context] = await getContactContexts(db, [ada], later);
    expect(context?.upcoming.map((c) => c.name)).toEqual(['Winter Peak Readiness Webinar']);
  });

  it('is measured from the real clock on the team’s own data', async () => {
    await saveSettings(db, { source: 'import' });
    await db.campaigns.put(webinar);
    expect((await getContactContexts(db, [ada], new Date('2026-11-25T12:00:00.000Z')))[0]?.upcoming.map((c) => c.name)).toEqual([
      'Winter Peak Readiness Webinar',
    ]);
    expect((await getContactContexts(db, [ada], later))[0]?.upcoming).toEqual([]);
  });
});
