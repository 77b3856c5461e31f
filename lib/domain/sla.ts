import { z } from 'zod';
import { calendarFor, minutesOf } from './business-calendar';
import { calendarDayOf } from './calendar-date';
import { isValidTimeZone, zonedToUtc } from './zoned-time';

/**
 * The hand-off service level: once marketing hands a lead to sales, sales owes a
 * first touch within so many *business* hours, counted on the team's working
 * calendar in the team's time zone (a lead handed over Friday at 16:00 is not
 * late on Saturday morning).
 */

export { firstSalesTouch } from './sales-activity';

const HOUR_MS = 3_600_000;
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00');
const DAY = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-25')
  .refine(realDay, 'That day does not exist');

/** 2026-02-30 passes the pattern but is not a day; a malformed string is left to the pattern's message. */
function realDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isNaN(t) ? !/^\d{4}-\d{2}-\d{2}$/.test(d) : new Date(t).toISOString().startsWith(d);
}

/** Mon–Fri, 09:00–17:00, four business hours to first touch. */
export const SLA_DEFAULTS = { firstTouchHours: 4, workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' } as const;

export const SlaSettingsSchema = z
  .object({
    firstTouchHours: z.number().positive('The first-touch time must be more than 0 hours').max(1000).default(SLA_DEFAULTS.firstTouchHours),
    // No default: guessing a zone would silently shift every due time for the team.
    timeZone: z.string().refine(isValidTimeZone, 'Unknown time zone; use an IANA name such as Europe/Berlin'),
    workingDays: z
      .array(z.number().int().min(0).max(6, 'Working days are 0 (Sunday) to 6 (Saturday)'))
      .min(1, 'Pick at least one working day')
      .default(() => [...SLA_DEFAULTS.workingDays]),
    dayStart: HHMM.default(SLA_DEFAULTS.dayStart),
    dayEnd: HHMM.default(SLA_DEFAULTS.dayEnd),
    holidays: z.array(DAY).optional(),
  })
  .refine((s) => s.dayStart < s.dayEnd, { message: 'The working day must end after it starts', path: ['dayEnd'] });
export type SlaSettings = z.output<typeof SlaSettingsSchema>;

/** The default calendar in the given zone (the options page passes the browser's). */
export function defaultSlaSettings(timeZone: string): SlaSettings {
  return SlaSettingsSchema.parse({ timeZone });
}

/** Length of one working day in milliseconds, e.g. 8 h for 09:00–17:00. */
export function workingDayMs(s: Pick<SlaSettings, 'dayStart' | 'dayEnd'>): number {
  return (minutesOf(s.dayEnd) - minutesOf(s.dayStart)) * 60_000;
}

/**
 * The instant `hours` of working time after `start`. A start outside working
 * hours begins counting at the next window; weekends and holidays are skipped.
 * Time is real elapsed time inside windows, so a window crossing a DST change is
 * an hour shorter or longer. `settings` must come from SlaSettingsSchema.
 */
export function addBusinessHours(start: Date, hours: number, s: SlaSettings): Date {
  return new Date(calendarFor(s).add(start.getTime(), Math.max(0, hours) * HOUR_MS));
}

/** Working time between two instants in ms; negative when `b` is before `a`. */
export function businessMsBetween(a: Date, b: Date, s: SlaSettings): number {
  return calendarFor(s).between(a.getTime(), b.getTime());
}

/**
 * When the SLA clock starts. A hand-off date without a time (an import's MQL date,
 * stored as that day's midnight UTC) is that day on the team's own calendar: read as
 * UTC it began the afternoon before in the Americas, and a call that evening counted.
 */
export function handoffStart(handoffAt: Date | string, timeZone: string): Date {
  const day = typeof handoffAt === 'string' ? calendarDayOf(handoffAt) : null;
  if (day === null) return new Date(handoffAt);
  return new Date(zonedToUtc({ year: +day.slice(0, 4), month: +day.slice(5, 7), day: +day.slice(8, 10) }, 0, 0, timeZone));
}

/** Where a lead stands against the SLA; all durations are business milliseconds. */
export const SlaStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('no_handoff') }),
  z.object({ state: z.literal('met'), dueAt: z.date(), metAt: z.date(), early: z.number() }),
  z.object({ state: z.literal('missed'), dueAt: z.date(), metAt: z.date(), lateBy: z.number() }),
  z.object({ state: z.literal('on_time'), dueAt: z.date(), remaining: z.number() }),
  z.object({ state: z.literal('due_soon'), dueAt: z.date(), remaining: z.number() }),
  z.object({ state: z.literal('overdue'), dueAt: z.date(), overdueBy: z.number() }),
]);
export type SlaState = z.infer<typeof SlaStateSchema>;

/** How much business time left counts as "due soon" unless the caller says otherwise. */
export const DUE_SOON_MS = HOUR_MS;

/** The SLA state of one lead at `now`. Dates may be ISO strings as stored on records. */
export function slaState(input: {
  handoffAt?: Date | string | undefined;
  firstTouchAt?: Date | string | undefined;
  now: Date;
  settings: SlaSettings;
  dueSoonMs?: number;
}): SlaState {
  const { now, settings: s } = input;
  if (!input.handoffAt) return { state: 'no_handoff' };
  const dueAt = addBusinessHours(handoffStart(input.handoffAt, s.timeZone), s.firstTouchHours, s);
  // Compared in working time, not by the clock: a first touch at 17:30 on the due day, or an
  // untouched lead over the weekend, has used no working time past the due moment.
  if (input.firstTouchAt) {
    const metAt = new Date(input.firstTouchAt);
    const lateBy = businessMsBetween(dueAt, metAt, s);
    return lateBy > 0
      ? { state: 'missed', dueAt, metAt, lateBy }
      : { state: 'met', dueAt, metAt, early: Math.max(0, businessMsBetween(metAt, dueAt, s)) };
  }
  const overdueBy = businessMsBetween(dueAt, now, s);
  if (overdueBy > 0) return { state: 'overdue', dueAt, overdueBy };
  // Past the due moment by the clock but not in working time (it fell at the end of a working
  // day): due as the next working window opens, which is when it turns overdue.
  if (now > dueAt) return { state: 'due_soon', dueAt: addBusinessHours(now, 0, s), remaining: 0 };
  const remaining = businessMsBetween(now, dueAt, s);
  return remaining < (input.dueSoonMs ?? DUE_SOON_MS) ? { state: 'due_soon', dueAt, remaining } : { state: 'on_time', dueAt, remaining };
}

/**
 * "2 h 15 min", or "3 business days 1 h" once the duration reaches a working
 * day (8 h unless the settings say otherwise). The sign is dropped; callers word
 * "late" or "left" themselves.
 */
export function formatBusinessDuration(ms: number, s: Pick<SlaSettings, 'dayStart' | 'dayEnd'> = SLA_DEFAULTS): string {
  let minutes = Math.round(Math.abs(ms) / 60_000);
  const dayMinutes = workingDayMs(s) / 60_000;
  const parts: string[] = [];
  if (dayMinutes > 0 && minutes >= dayMinutes) {
    const days = Math.floor(minutes / dayMinutes);
    parts.push(`${days} business ${days === 1 ? 'day' : 'days'}`);
    minutes -= days * dayMinutes;
  }
  if (minutes >= 60) parts.push(`${Math.floor(minutes / 60)} h`);
  if (minutes % 60 > 0 || parts.length === 0) parts.push(`${minutes % 60} min`);
  return parts.join(' ');
}
