import { describe, expect, it } from 'vitest';
import { BusinessCalendar, calendarFor } from '@/lib/domain/business-calendar';

// Expected values are counted by hand on a calendar: working days × hours per day.
const H = 3_600_000;
const weekdays = { workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' };
const calendar = (timeZone: string, extra: { holidays?: string[]; workingDays?: number[]; dayStart?: string; dayEnd?: string } = {}) =>
  new BusinessCalendar({ timeZone, ...weekdays, ...extra });
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('BusinessCalendar.between over many weeks', () => {
  it('counts four whole weeks across the Berlin spring-forward weekend as 20 days of 8 h', () => {
    // Mon 2 March 09:00 CET → Mon 30 March 09:00 CEST (clocks went forward on Sunday 29 March).
    expect(calendar('Europe/Berlin').between(t('2026-03-02T08:00:00Z'), t('2026-03-30T07:00:00Z'))).toBe(160 * H);
  });

  it('takes out holidays on working days only', () => {
    const from = t('2026-03-02T08:00:00Z');
    const to = t('2026-03-30T07:00:00Z');
    // Tuesday 10 and Friday 20 March are working days; Saturday 14 March is not one anyway.
    expect(calendar('Europe/Berlin', { holidays: ['2026-03-10', '2026-03-20'] }).between(from, to)).toBe(144 * H);
    expect(calendar('Europe/Berlin', { holidays: ['2026-03-14'] }).between(from, to)).toBe(160 * H);
  });

  it('counts a year of weekdays: 2026 has 261 (52 weeks and a Thursday)', () => {
    expect(calendar('UTC').between(t('2026-01-01T00:00:00Z'), t('2027-01-01T00:00:00Z'))).toBe(261 * 8 * H);
  });

  it('is signed', () => {
    expect(calendar('UTC').between(t('2026-03-09T00:00:00Z'), t('2026-03-02T00:00:00Z'))).toBe(-40 * H);
  });

  it('answers the same whichever far-apart weeks were asked first', () => {
    const c = calendar('America/New_York');
    // Monday to Monday, midnight UTC (evening before in New York): one working week each.
    expect(c.between(t('2030-06-03T00:00:00Z'), t('2030-06-10T00:00:00Z'))).toBe(40 * H);
    expect(c.between(t('2020-06-01T00:00:00Z'), t('2020-06-08T00:00:00Z'))).toBe(40 * H);
    expect(c.between(t('2026-06-01T00:00:00Z'), t('2026-06-08T00:00:00Z'))).toBe(40 * H);
  });

  it('counts no time on a day whose window falls into a spring-forward gap', () => {
    // Sundays 02:30–03:00 in New York: on 8 March 2026 02:30 does not exist (02:00 → 03:00).
    const c = calendar('America/New_York', { workingDays: [0], dayStart: '02:30', dayEnd: '03:00' });
    expect(c.between(t('2026-03-07T12:00:00Z'), t('2026-03-09T12:00:00Z'))).toBe(0);
    // The Sundays before and after have their half hour.
    expect(c.between(t('2026-02-28T12:00:00Z'), t('2026-03-16T12:00:00Z'))).toBe(H);
  });
});

describe('BusinessCalendar.add', () => {
  it('adds 1,000 h (125 working days) from Monday 5 January to the close of Friday 26 June, across the DST change', () => {
    // 125 days = 25 weeks of 5; the 125th working day is Friday 26 June, 17:00 EDT = 21:00 UTC.
    expect(iso(calendar('America/New_York').add(t('2026-01-05T14:00:00Z'), 1000 * H))).toBe('2026-06-26T21:00:00.000Z');
  });

  it('skips a week of holidays', () => {
    // Friday 18 Dec 16:00 UTC + 4 h: 1 h on Friday, then 21–25 Dec off, 3 h on Monday 28th.
    const c = calendar('UTC', { holidays: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'] });
    expect(iso(c.add(t('2026-12-18T16:00:00Z'), 4 * H))).toBe('2026-12-28T12:00:00.000Z');
  });

  it('starts on the next working window when a start falls on a holiday', () => {
    const c = calendar('UTC', { holidays: ['2026-03-03'] });
    expect(iso(c.add(t('2026-03-03T10:00:00Z'), 0))).toBe('2026-03-04T09:00:00.000Z');
  });

  it('lands in the next window when the spring-forward day has none', () => {
    // Sundays 02:30–03:00 New York: 8 March has no window, 15 March opens 02:30 EDT (06:30 UTC).
    const c = calendar('America/New_York', { workingDays: [0], dayStart: '02:30', dayEnd: '03:00' });
    expect(iso(c.add(t('2026-03-07T12:00:00Z'), 0.25 * H))).toBe('2026-03-15T06:45:00.000Z');
  });

  it.each([
    // Tokyo (UTC+9): Monday 2 March 08:30 JST is Sunday 23:30 UTC; 1 h later is 10:00 JST.
    ['Asia/Tokyo', '2026-03-01T23:30:00Z', 1, '2026-03-02T01:00:00.000Z'],
    // Kiritimati (UTC+14): Monday 02:00 local is Sunday 12:00 UTC; the window opens 09:00 local; 2 h later is 11:00.
    ['Pacific/Kiritimati', '2026-03-01T12:00:00Z', 2, '2026-03-01T21:00:00.000Z'],
    // Pago Pago (UTC−11): Monday 16:00 local is Tuesday 03:00 UTC; 1 h Monday, 1 h Tuesday from 09:00.
    ['Pacific/Pago_Pago', '2026-03-03T03:00:00Z', 2, '2026-03-03T21:00:00.000Z'],
  ])('reads the working day on %s’s own calendar, whatever the UTC date', (timeZone, start, hours, expected) => {
    expect(iso(calendar(timeZone).add(t(start), hours * H))).toBe(expected);
  });

  it('refuses an instant that is not one', () => {
    expect(() => calendar('UTC').add(Number.NaN, H)).toThrow(RangeError);
    expect(() => calendar('UTC').between(0, Number.NaN)).toThrow(RangeError);
    expect(() => calendar('UTC').add(0, Number.NaN)).toThrow(RangeError);
  });
});

describe('calendarFor', () => {
  it('shares one calendar between settings that describe the same working time', () => {
    const a = calendarFor({ timeZone: 'Europe/Paris', ...weekdays, holidays: ['2026-05-01'] });
    expect(calendarFor({ timeZone: 'Europe/Paris', ...weekdays, holidays: ['2026-05-01'] })).toBe(a);
    expect(calendarFor({ timeZone: 'Europe/Paris', ...weekdays, holidays: ['2026-05-08'] })).not.toBe(a);
  });
});
