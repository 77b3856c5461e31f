import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactContext, getContactContexts } from '@/lib/db/contact-repository';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { MAX_OBSERVED, recordObservedMail } from '@/lib/observed/observed-mail';
import { saveSettings } from '@/lib/settings/settings';
import { createContact } from '../factories';

let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`observed-${crypto.randomUUID()}`);
  // Monday 2 March 2026, 09:00 UTC: due at 13:00 with four business hours in UTC.
  await db.contacts.put(contactRow(createContact({ email: 'ada@lead.example', handoffAt: '2026-03-02T09:00:00.000Z' }), []));
  await saveSettings(db, {
    source: 'import',
    sla: { timeZone: 'UTC', firstTouchHours: 4, workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' },
  });
});
afterEach(() => db.delete());

const NOW = new Date('2026-03-05T10:00:00Z');
const reply = (over: object = {}) => ({
  key: 'm1',
  to: ['ada@lead.example'],
  at: '2026-03-02T10:15:00.000Z',
  kind: 'thread' as const,
  ...over,
});

describe('the rep’s own mail, seen in the mailbox', () => {
  it('meets the SLA of a known contact and says it was seen in Gmail', async () => {
    expect(await recordObservedMail(db, 'gmail', [reply()], NOW)).toEqual(['ada@lead.example']);
    const ctx = await getContactContext(db, 'ada@lead.example', NOW);
    expect(ctx?.sla).toMatchObject({ state: 'met', metAt: '2026-03-02T10:15:00.000Z', firstTouch: { via: 'seen', host: 'gmail' } });
  });

  it('meets the SLA when the mail is seen after the contact was last looked up', async () => {
    expect((await getContactContext(db, 'ada@lead.example', NOW))?.sla?.state).not.toBe('met');
    await recordObservedMail(db, 'gmail', [reply()], NOW);
    expect((await getContactContext(db, 'ada@lead.example', NOW))?.sla).toMatchObject({ state: 'met', metAt: '2026-03-02T10:15:00.000Z' });
  });

  it('meets only the SLA of the contact it was sent to when several contacts are read together', async () => {
    await db.contacts.put(contactRow(createContact({ email: 'bo@lead.example', handoffAt: '2026-03-02T09:00:00.000Z' }), []));
    await recordObservedMail(db, 'gmail', [reply()], NOW);
    const [ada, bo] = await getContactContexts(db, ['ada@lead.example', 'bo@lead.example'], NOW);
    expect(ada?.sla).toMatchObject({ state: 'met', metAt: '2026-03-02T10:15:00.000Z' });
    expect(bo?.sla?.state).not.toBe('met');
  });

  it('is kept once per message and contact, only for contacts Leadlight knows, never dated in the future', async () => {
    await recordObservedMail(db, 'gmail', [reply()], NOW);
    expect(await recordObservedMail(db, 'gmail', [reply()], new Date('2026-03-06T10:00:00Z'))).toEqual([]);
    expect(await recordObservedMail(db, 'gmail', [reply({ key: 'm2', to: ['stranger@else.example'] })], NOW)).toEqual([]);
    expect(await recordObservedMail(db, 'gmail', [reply({ key: 'm3', at: '2026-03-05T11:00:00.000Z' })], NOW)).toEqual([]);
    const rows = await db.observedTouches.toArray();
    expect(rows).toEqual([
      {
        id: 'gmail:m1:ada@lead.example',
        email: 'ada@lead.example',
        at: '2026-03-02T10:15:00.000Z',
        host: 'gmail',
        kind: 'thread',
        seenAt: NOW.toISOString(),
      },
    ]);
  });

  it('keeps at most the newest-seen rows of the cap', async () => {
    const old = Array.from({ length: MAX_OBSERVED }, (_, i) => ({
      id: `gmail:old${i}:ada@lead.example`,
      email: 'ada@lead.example',
      at: '2026-01-01T10:00:00.000Z',
      host: 'gmail' as const,
      kind: 'thread' as const,
      seenAt: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
    }));
    await db.observedTouches.bulkAdd(old);
    await recordObservedMail(db, 'outlook', [reply({ key: 'new' })], NOW);
    expect(await db.observedTouches.count()).toBe(MAX_OBSERVED);
    expect(await db.observedTouches.get('gmail:old0:ada@lead.example')).toBeUndefined();
    expect(await db.observedTouches.get('outlook:new:ada@lead.example')).toBeDefined();
  });
});
