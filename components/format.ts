import { calendarDayOf } from '@/lib/domain/calendar-date';

const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * A date with no time of day (see calendarDayOf) shown in the reader's zone would be
 * the day before west of Greenwich, so it is shown as the calendar date it is. (An
 * event logged at exactly midnight UTC reads the same way.)
 */
const calendarFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 3, 2026"; an empty string for a missing or unparseable date. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return calendarDayOf(iso) !== null ? calendarFmt.format(d) : dateFmt.format(d);
}

/** "Nov 3, 2026, 9:41 AM"; a date without a time of day as the date alone. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return calendarDayOf(iso) !== null ? calendarFmt.format(d) : dateTimeFmt.format(d);
}

/** "Nov 3, 2026, 12:00 AM": an instant Leadlight computed (a due time), never read as a bare calendar date. */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFmt.format(d);
}

const timeFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });

/** "9:41 AM" on the day of `now`, else as formatDateTime ("Nov 3, 2026, 9:41 AM"). */
export function formatTimeOnDay(iso: string, now: Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toDateString() === now.toDateString() ? timeFmt.format(d) : dateTimeFmt.format(d);
}
