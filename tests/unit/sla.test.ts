import { describe, expect, it } from 'vitest';
import {
  SlaSettingsSchema,
  addBusinessHours,
  businessMsBetween,
  defaultSlaSettings,
  firstSalesTouch,
  formatBusinessDuration,
  slaState,
  type SlaSettings,
} from '@/lib/domain/sla';
import { createTouch } from '../factories';

const H = 3_600_000;
const berlin = defaultSlaSettings('Europe/Berlin');
const newYork = defaultSlaSettings('America/New_York');
const at = (iso: string) => new Date(iso);
const due = (startIso: string, hours: number, s: SlaSettings) => addBusinessHours(at(startIso), hours, s).toISOString();

describe('SlaSettingsSchema', () => {
  it('fills in the default calendar', () => {
    expect(berlin).toEqual({
      firstTouchHours: 4,
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      dayStart: '09:00',
      dayEnd: '17:00',
    });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Unknown time zone'],
    [{ timeZone: 'UTC', dayStart: '9am' }, 'dayStart', '24-hour time'],
    [{ timeZone: 'UTC', dayStart: '18:00' }, 'dayEnd', 'end after it starts'],
    [{ timeZone: 'UTC', workingDays: [7] }, 'workingDays.0', '0 (Sunday) to 6 (Saturday)'],
    [{ timeZone: 'UTC', workingDays: [] }, 'workingDays', 'at least one working day'],
    [{ timeZone: 'UTC', holidays: ['2026-02-30'] }, 'holidays.0', 'does not exist'],
    [{ timeZone: 'UTC', holidays: ['25/12/2026'] }, 'holidays.0', 'such as 2026-12-25'],
    [{ timeZone: 'UTC', firstTouchHours: 0 }, 'firstTouchHours', 'more than 0 hours'],
  ])('rejects %j with a readable message', (input, path, message) => {
    const r = SlaSettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toContain(message);
  });
});

describe('addBusinessHours', () => {
  it('adds within the same working day', () => {
    // Monday 10:00 CET → 14:00 CET.
    expect(due('2026-03-02T09:00:00Z', 4, berlin)).toBe('2026-03-02T13:00:00.000Z');
  });

  it('carries Friday afternoon over the weekend: Fri 16:00 + 4 h → Mon 12:00', () => {
    expect(due('2026-02-27T15:00:00Z', 4, berlin)).toBe('2026-03-02T11:00:00.000Z');
  });

  it('starts counting at the next window when handed over on a Saturday or at night', () => {
    expect(due('2026-02-28T09:00:00Z', 4, berlin)).toBe('2026-03-02T12:00:00.000Z'); // Sat → Mon 13:00 CET
    expect(due('2026-03-02T20:00:00Z', 2, berlin)).toBe('2026-03-03T10:00:00.000Z'); // Mon 21:00 → Tue 11:00 CET
    expect(due('2026-03-02T06:00:00Z', 1, berlin)).toBe('2026-03-02T09:00:00.000Z'); // Mon 07:00 → Mon 10:00 CET
  });

  it('ends exactly at the close of day rather than rolling over', () => {
    expect(due('2026-03-02T12:00:00Z', 4, berlin)).toBe('2026-03-02T16:00:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 16:00; Friday 25th and Monday 28th are off.
    const s = { ...berlin, holidays: ['2026-12-25', '2026-12-28'] };
    expect(due('2026-12-24T15:00:00Z', 4, s)).toBe('2026-12-29T11:00:00.000Z');
    expect(due('2026-12-24T15:00:00Z', 4, { ...berlin, holidays: ['2026-12-25'] })).toBe('2026-12-28T11:00:00.000Z');
  });

  it('reads the same instant on each zone’s own clock', () => {
    const instant = '2026-03-02T14:00:00Z'; // 15:00 in Berlin, 09:00 in New York
    expect(due(instant, 4, berlin)).toBe('2026-03-03T10:00:00.000Z'); // 2 h Monday + 2 h Tuesday
    expect(due(instant, 4, newYork)).toBe('2026-03-02T18:00:00.000Z'); // 13:00 EST the same day
  });

  it.each([
    ['New York spring forward', newYork, '2026-03-06T21:00:00Z', '2026-03-09T16:00:00.000Z'],
    ['New York fall back', newYork, '2026-10-30T20:00:00Z', '2026-11-02T17:00:00.000Z'],
    ['Berlin spring forward', berlin, '2026-03-27T15:00:00Z', '2026-03-30T10:00:00.000Z'],
    ['Berlin fall back', berlin, '2026-10-23T14:00:00Z', '2026-10-26T11:00:00.000Z'],
  ])('keeps Fri 16:00 + 4 h = Mon 12:00 local across the %s weekend', (_name, s, start, expected) => {
    expect(due(start, 4, s)).toBe(expected);
    expect(businessMsBetween(at(start), at(expected), s)).toBe(4 * H);
  });

  it('resolves a window start inside a spring-forward gap to just after the gap', () => {
    // 02:30 does not exist in New York on 8 March 2026; the window opens at 03:30 EDT.
    const s: SlaSettings = { ...newYork, workingDays: [0], dayStart: '02:30', dayEnd: '05:00' };
    expect(due('2026-03-07T12:00:00Z', 0.5, s)).toBe('2026-03-08T08:00:00.000Z');
  });
});

describe('businessMsBetween', () => {
  it('counts only working time and is signed', () => {
    const fri = at('2026-02-27T15:00:00Z');
    const mon = at('2026-03-02T11:00:00Z');
    expect(businessMsBetween(fri, mon, berlin)).toBe(4 * H);
    expect(businessMsBetween(mon, fri, berlin)).toBe(-4 * H);
    expect(businessMsBetween(at('2026-02-28T00:00:00Z'), at('2026-03-01T23:00:00Z'), berlin)).toBe(0);
  });

  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T00:00:00Z', 3],
    ['America/New_York', '2026-11-01', '2026-11-01T00:00:00Z', 5],
    ['Europe/Berlin', '2026-03-29', '2026-03-28T20:00:00Z', 3],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T20:00:00Z', 5],
  ])('counts real elapsed time in a %s window spanning the DST change on %s', (timeZone, _day, from, hours) => {
    // A 01:00–05:00 Sunday shift loses or gains the hour the clocks skip or repeat.
    const s: SlaSettings = { ...defaultSlaSettings(timeZone), workingDays: [0], dayStart: '01:00', dayEnd: '05:00' };
    const start = at(from);
    expect(businessMsBetween(start, new Date(start.getTime() + 20 * H), s)).toBe(hours * H);
  });
});

describe('slaState', () => {
  // Handed over Monday 10:00 CET; due 14:00 CET.
  const base = { handoffAt: '2026-03-02T09:00:00.000Z', settings: berlin };
  const dueAt = at('2026-03-02T13:00:00Z');

  it('has nothing to say without a hand-off', () => {
    expect(slaState({ now: at('2026-03-02T10:00:00Z'), settings: berlin })).toEqual({ state: 'no_handoff' });
  });

  it('is met when sales touched in time', () => {
    const s = slaState({ ...base, firstTouchAt: '2026-03-02T11:00:00Z', now: at('2026-03-05T10:00:00Z') });
    expect(s).toEqual({ state: 'met', dueAt, metAt: at('2026-03-02T11:00:00Z'), early: 2 * H });
  });

  it('is missed when the first touch came late, measured in business time', () => {
    const s = slaState({ ...base, firstTouchAt: '2026-03-03T09:00:00Z', now: at('2026-03-05T10:00:00Z') });
    expect(s).toEqual({ state: 'missed', dueAt, metAt: at('2026-03-03T09:00:00Z'), lateBy: 4 * H });
  });

  it('is on time, then due soon, then overdue while waiting', () => {
    expect(slaState({ ...base, now: at('2026-03-02T10:00:00Z') })).toEqual({ state: 'on_time', dueAt, remaining: 3 * H });
    expect(slaState({ ...base, now: at('2026-03-02T12:30:00Z') })).toEqual({ state: 'due_soon', dueAt, remaining: 0.5 * H });
    expect(slaState({ ...base, now: at('2026-03-03T08:30:00Z') })).toEqual({ state: 'overdue', dueAt, overdueBy: 3.5 * H });
  });

  // Handed over Friday 20 Nov 2026 13:00 in London: 4 working hours end as the day closes, 17:00.
  const friday = { handoffAt: '2026-11-20T13:00:00.000Z', settings: defaultSlaSettings('Europe/London') };
  const fridayClose = at('2026-11-20T17:00:00Z');

  it('counts a first touch after closing time on the due day, or before work on Monday, as met: no working time was used', () => {
    for (const touch of ['2026-11-20T17:30:00Z', '2026-11-21T11:00:00Z', '2026-11-23T08:59:00Z'])
      expect(slaState({ ...friday, firstTouchAt: touch, now: at('2026-11-24T10:00:00Z') })).toEqual({
        state: 'met',
        dueAt: fridayClose,
        metAt: at(touch),
        early: 0,
      });
    expect(slaState({ ...friday, firstTouchAt: '2026-11-23T09:05:00Z', now: at('2026-11-24T10:00:00Z') })).toMatchObject({
      state: 'missed',
      lateBy: 5 * 60_000,
    });
  });

  it('keeps an untouched lead due, not overdue, until the next working window opens, and says when that is', () => {
    const monday = at('2026-11-23T09:00:00Z');
    for (const now of ['2026-11-20T17:30:00Z', '2026-11-21T10:00:00Z', '2026-11-23T09:00:00Z'])
      expect(slaState({ ...friday, now: at(now) })).toEqual({ state: 'due_soon', dueAt: monday, remaining: 0 });
    expect(slaState({ ...friday, now: at('2026-11-23T09:30:00Z') })).toEqual({ state: 'overdue', dueAt: fridayClose, overdueBy: 0.5 * H });
  });

  it('lets the caller widen the due-soon threshold', () => {
    expect(slaState({ ...base, now: at('2026-03-02T10:00:00Z'), dueSoonMs: 4 * H }).state).toBe('due_soon');
  });
});

describe('formatBusinessDuration', () => {
  it.each([
    [0, '0 min'],
    [45 * 60_000, '45 min'],
    [2 * H, '2 h'],
    [2.25 * H, '2 h 15 min'],
    [8 * H, '1 business day'],
    [25 * H, '3 business days 1 h'],
    [-90 * 60_000, '1 h 30 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatBusinessDuration(ms)).toBe(text);
  });

  it('uses the configured working-day length', () => {
    expect(formatBusinessDuration(25 * H, { dayStart: '08:00', dayEnd: '18:00' })).toBe('2 business days 5 h');
  });
});

describe('firstSalesTouch', () => {
  const handoff = '2026-03-02T09:00:00.000Z';

  it('finds the earliest sales activity at or after the hand-off', () => {
    const early = createTouch({ assetType: 'call', date: '2026-03-01T09:00:00.000Z' });
    const webinar = createTouch({ assetType: 'webinar', date: '2026-03-02T09:30:00.000Z' });
    const email = createTouch({ assetType: 'sales_email', date: '2026-03-02T12:00:00.000Z' });
    const call = createTouch({ assetType: 'Call', date: '2026-03-02T10:00:00.000Z' });
    expect(firstSalesTouch([early, webinar, email, call], handoff)).toBe(call);
  });

  it('returns undefined when sales has not acted', () => {
    expect(firstSalesTouch([createTouch({ assetType: 'webinar' })], handoff)).toBeUndefined();
  });

  it('never dates a first touch by a "last activity" date, which only bounds the latest', () => {
    const last = createTouch({ assetType: 'last_activity', date: '2026-03-02T09:30:00.000Z' });
    const engaged = createTouch({ assetType: 'sales_activity', date: '2026-03-02T11:00:00.000Z' });
    expect(firstSalesTouch([last], handoff)).toBeUndefined();
    expect(firstSalesTouch([last, engaged], handoff)).toBe(engaged);
  });

  it('reads Leadlight’s category beside the CRM’s own word, and the type of a touch stored without one', () => {
    const demo = createTouch({ assetType: 'Demo', assetCategory: 'meeting', date: '2026-03-02T10:00:00.000Z' });
    const telemarketing = createTouch({ assetType: 'Call', assetCategory: 'other', date: '2026-03-02T09:30:00.000Z' });
    const lastContacted = createTouch({ assetType: 'Last contacted', assetCategory: 'last_activity', date: '2026-03-02T09:10:00.000Z' });
    const stored = createTouch({ assetType: 'meeting', date: '2026-03-02T11:00:00.000Z' });
    expect(firstSalesTouch([telemarketing, lastContacted, demo, stored], handoff)).toBe(demo);
    expect(firstSalesTouch([telemarketing, lastContacted, stored], handoff)).toBe(stored);
  });
});
