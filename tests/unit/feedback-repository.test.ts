import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactContext } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { countUnsentFeedback, listFeedback, recordVerdict, retractFeedback, saveFeedback } from '@/lib/db/feedback-repository';
import { replaceDataset } from '@/lib/db/seed';
import { FeedbackInputSchema } from '@/lib/domain/feedback';
import { createContact } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const input = (over: object = {}) =>
  FeedbackInputSchema.parse({ email: 'ada.lovelace@analytical.example', verdict: 'bad', reasonId: 'no_budget', ...over });

describe('feedback storage', () => {
  it('stores a verdict with author, time and a local sync state, newest first in the list', async () => {
    await saveFeedback(db, input(), 'alex@brightwave.example', new Date('2026-11-01T10:00:00Z'), 'f1');
    await saveFeedback(
      db,
      input({ verdict: 'good', reasonId: undefined, note: '  keen  ' }),
      'alex@brightwave.example',
      new Date('2026-11-02T10:00:00Z'),
      'f2',
    );
    const list = await listFeedback(db);
    expect(list.map((f) => f.id)).toEqual(['f2', 'f1']);
    expect(list[0]).toMatchObject({ verdict: 'good', note: 'keen', syncState: 'local', author: 'alex@brightwave.example' });
    expect(await countUnsentFeedback(db)).toBe(2);
  });

  it('survives reopening the database (what a reload or worker restart does)', async () => {
    await saveFeedback(db, input(), 'alex', new Date(), 'f1');
    db.close();
    const reopened = new LeadlightDb(db.name);
    expect((await reopened.feedback.get('f1'))?.reasonId).toBe('no_budget');
    reopened.close();
    await db.open();
  });

  it('shows the latest verdict on the contact context', async () => {
    await replaceDataset(db, { contacts: [createContact()], campaigns: [], touches: [], personas: [] }, 'Test');
    await saveFeedback(db, input(), 'alex', new Date('2026-11-01T10:00:00Z'), 'old');
    await saveFeedback(db, input({ reasonId: 'bad_timing' }), 'alex', new Date('2026-11-03T10:00:00Z'), 'new');
    const ctx = await getContactContext(db, 'ada.lovelace@analytical.example');
    expect(ctx?.lastFeedback?.id).toBe('new');
  });

  it('is kept when the marketing data is replaced', async () => {
    await saveFeedback(db, input(), 'alex', new Date(), 'f1');
    await replaceDataset(db, { contacts: [], campaigns: [], touches: [], personas: [] }, 'Other');
    expect(await db.feedback.count()).toBe(1);
  });

  it('can be retracted unless already sent', async () => {
    await saveFeedback(db, input(), 'alex', new Date(), 'f1');
    expect(await retractFeedback(db, 'f1')).toBe(true);
    expect(await db.feedback.get('f1')).toBeUndefined();
    expect(await retractFeedback(db, 'f1')).toBe(false);
    await saveFeedback(db, input(), 'alex', new Date(), 'f2');
    await db.feedback.update('f2', { syncState: 'sent' });
    expect(await retractFeedback(db, 'f2')).toBe(false);
    expect(await db.feedback.get('f2')).toBeDefined();
  });
});

describe('FeedbackInputSchema', () => {
  it('requires a reason for a bad lead', () => {
    expect(FeedbackInputSchema.safeParse({ email: 'a@b.example', verdict: 'bad' }).success).toBe(false);
    expect(FeedbackInputSchema.safeParse({ email: 'a@b.example', verdict: 'good' }).success).toBe(true);
    expect(FeedbackInputSchema.parse({ email: 'A@B.example', verdict: 'bad', reasonId: 'duplicate' }).email).toBe('a@b.example');
  });
});

describe('one current verdict per rep and contact', () => {
  const ALEX = 'Alex Rivera <alex.rivera@brightwave.example>';
  const at = (h: number) => new Date(Date.UTC(2026, 10, 2, h));

  it('does not write the same verdict twice, even signed another way', async () => {
    const first = await recordVerdict(db, input({ note: 'Frozen' }), ALEX, at(9), 'hubspot');
    const again = await recordVerdict(db, input({ note: '  Frozen ' }), 'alex.rivera@brightwave.example', at(10), 'hubspot');
    expect(again).toMatchObject({ id: first.id, unchanged: true });
    expect(await db.feedback.count()).toBe(1);
  });

  it('stores a changed verdict as superseding the rep’s previous one, whatever was changed', async () => {
    const first = await recordVerdict(db, input(), ALEX, at(9), 'hubspot');
    const changed = await recordVerdict(db, input({ reasonId: 'no_need' }), ALEX, at(10), 'hubspot');
    const handoff = await recordVerdict(
      db,
      input({ kind: 'handoff', reasonId: 'recycle_nurture', recycleOn: '2027-03-01' }),
      ALEX,
      at(11),
      'hubspot',
    );
    const recycledLater = await recordVerdict(
      db,
      input({ kind: 'handoff', reasonId: 'recycle_nurture', recycleOn: '2027-04-01' }),
      ALEX,
      at(12),
      'hubspot',
    );
    expect(changed).toMatchObject({ supersedes: first.id, syncState: 'pending' });
    expect(changed.unchanged).toBeUndefined();
    expect(handoff).toMatchObject({ supersedes: changed.id, kind: 'handoff', recycleOn: '2027-03-01' });
    expect(recycledLater.supersedes).toBe(handoff.id);
  });

  it('keeps another rep’s verdict on the same contact apart', async () => {
    await recordVerdict(db, input(), ALEX, at(9));
    const jamie = await recordVerdict(db, input(), 'Jamie Chen <jamie.chen@brightwave.example>', at(10));
    expect(jamie.unchanged).toBeUndefined();
    expect(jamie.supersedes).toBeUndefined();
    expect(await db.feedback.count()).toBe(2);
  });
});
