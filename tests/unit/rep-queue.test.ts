import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { saveSettings } from '@/lib/settings/settings';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { repQueue } from '@/lib/team/rep-queue';
import { createContact, createTouch } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`queue-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

// The team's SLA: four business hours, Mon–Fri 09:00–17:00 UTC. "Now" is Wed 25 Nov 2026, 12:30.
const NOW = new Date('2026-11-25T12:30:00.000Z');
const handedOff = (email: string, handoffAt: string, owner = 'Alex Rivera') =>
  createContact({ email, name: email.split('@')[0], handoffAt, owner });

async function seed() {
  await saveSettings(db, {
    source: 'import',
    sla: { timeZone: 'UTC', firstTouchHours: 4, workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' },
    rep: { name: 'Alex Rivera', email: 'alex.rivera@brightwave.example' },
  });
  await db.contacts.bulkPut([
    // Due Tue 13:00: overdue.
    contactRow(handedOff('tuesday@lead.example', '2026-11-24T09:00:00.000Z'), []),
    // Before opening time: due Wed 13:00, half an hour left: due soon.
    contactRow(handedOff('early@lead.example', '2026-11-25T08:00:00.000Z'), []),
    // Due Wed 15:30: on time, not in the queue.
    contactRow(handedOff('fresh@lead.example', '2026-11-25T11:30:00.000Z'), []),
    // Due Mon 14:00: overdue longest.
    contactRow(handedOff('monday@lead.example', '2026-11-23T10:00:00.000Z'), []),
    // Called Monday within the SLA: met.
    contactRow(handedOff('called@lead.example', '2026-11-23T09:00:00.000Z'), [
      createTouch({
        email: 'called@lead.example',
        campaignId: 'sales-activity',
        assetType: 'call',
        assetName: 'Intro call',
        date: '2026-11-23T10:00:00.000Z',
      }),
    ]),
    // Another rep's overdue hand-off.
    contactRow(handedOff('jamie@lead.example', '2026-11-23T09:00:00.000Z', 'Jamie Chen'), []),
  ]);
}

describe('the rep’s queue', () => {
  it('lists the rep’s own hand-offs without a first touch: overdue first, longest overdue first, then due soon', async () => {
    await seed();
    const queue = await repQueue(db, NOW);
    expect(queue.items.map((i) => [i.email, i.state, i.dueAt])).toEqual([
      ['monday@lead.example', 'overdue', '2026-11-23T14:00:00.000Z'],
      ['tuesday@lead.example', 'overdue', '2026-11-24T13:00:00.000Z'],
      ['early@lead.example', 'due_soon', '2026-11-25T13:00:00.000Z'],
    ]);
    expect(queue).toMatchObject({ owner: 'Alex Rivera', overdue: 2, dueSoon: 1 });
  });

  it('with no rep set, counts every owner’s hand-offs', async () => {
    await seed();
    await saveSettings(db, { rep: {} });
    const queue = await repQueue(db, NOW);
    expect(queue.owner).toBeNull();
    expect(queue.overdue).toBe(3);
  });

  it('finds the rep by the address alone, and owners written as a name, an address or "Name <address>"', async () => {
    await seed();
    await db.contacts.bulkPut([
      contactRow(handedOff('wednesday@lead.example', '2026-11-24T10:00:00.000Z', 'Alex Rivera <alex.rivera@brightwave.example>'), []),
      contactRow(handedOff('thursday@lead.example', '2026-11-24T11:00:00.000Z', 'ALEX.RIVERA@brightwave.example'), []),
    ]);
    // The rep gave only their address; the CRM names owners by name.
    await saveSettings(db, { rep: { email: 'alex.rivera@brightwave.example' } });
    const queue = await repQueue(db, NOW);
    expect(queue.items.map((i) => i.email).sort()).toEqual([
      'early@lead.example',
      'monday@lead.example',
      'thursday@lead.example',
      'tuesday@lead.example',
      'wednesday@lead.example',
    ]);
    await saveSettings(db, { rep: { name: 'Jamie Chen' } });
    expect((await repQueue(db, NOW)).items.map((i) => i.email)).toEqual(['jamie@lead.example']);
  });

  it('lists every hand-off, and says so, when none names its owner (HubSpot, an import without owners)', async () => {
    await seed();
    const rows = await db.contacts.toArray();
    await db.contacts.bulkPut(rows.map(({ owner: _owner, ...row }) => row));
    const queue = await repQueue(db, NOW);
    expect(queue).toMatchObject({ owner: 'Alex Rivera', ownerless: true, overdue: 3, dueSoon: 1 });
  });

  it('does not take another company’s address with the same local part, nor a role address, for the rep', async () => {
    await seed();
    await db.contacts.bulkPut([
      contactRow(handedOff('other-alex@lead.example', '2026-11-24T10:00:00.000Z', 'alex.rivera@partner.example'), []),
      contactRow(handedOff('team-inbox@lead.example', '2026-11-24T10:00:00.000Z', 'Sales'), []),
      contactRow(handedOff('partner-inbox@lead.example', '2026-11-24T11:00:00.000Z', 'sales@partner.example'), []),
    ]);
    await saveSettings(db, { rep: { email: 'alex.rivera@brightwave.example' } });
    expect((await repQueue(db, NOW)).items.map((i) => i.email)).not.toContain('other-alex@lead.example');
    await saveSettings(db, { rep: { name: 'Jo Park', email: 'sales@brightwave.example' } });
    expect((await repQueue(db, NOW)).items).toEqual([]);
  });

  it('leaves out a hand-off the rep rejected back to marketing, until it is handed off again', async () => {
    await seed();
    await saveFeedback(
      db,
      { email: 'monday@lead.example', verdict: 'bad', kind: 'handoff', reasonId: 'recycle_nurture', recycleOn: '2027-02-01' },
      'Alex Rivera <alex.rivera@brightwave.example>',
      new Date('2026-11-24T09:30:00.000Z'),
    );
    expect((await repQueue(db, NOW)).items.map((i) => i.email)).toEqual(['tuesday@lead.example', 'early@lead.example']);
    // Marketing hands it over again after the rejection: it is owed a first touch once more.
    const row = (await db.contacts.get('monday@lead.example'))!;
    await db.contacts.put({ ...row, handoffAt: '2026-11-24T10:00:00.000Z' });
    expect((await repQueue(db, NOW)).items.map((i) => i.email)).toContain('monday@lead.example');
  });
});
