/**
 * Wall-clock arithmetic in an IANA time zone using only Intl, so the domain code
 * stays free of a date library. A "local date" is a plain calendar day in the
 * zone; converting it back to an instant is where DST gaps and overlaps matter.
 */

/** A calendar day in some zone; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The wall-clock reading of an instant in a zone. */
export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is far slower than using one; a zone list is small.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the zone; Intl throws a RangeError otherwise. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `ms` (epoch milliseconds) in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    // Some engines still print midnight as 24 despite h23.
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped by a
 * spring-forward gap resolves to the moment after the gap (02:30 → 03:30), and a
 * repeated fall-back time to its first occurrence, as Temporal's default does.
 */
export function zonedToUtc(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return first;
  const fits = (t: number) => wall - offsetAt(t, timeZone) === t;
  if (fits(first) && fits(second)) return Math.min(first, second);
  if (fits(first)) return first;
  if (fits(second)) return second;
  // Neither reading exists: the time is in a gap, so take the later candidate.
  return Math.max(first, second);
}

/** The calendar day `ms` falls on in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(ms, timeZone);
  return { year, month, day };
}

/** The calendar day `days` after `d`; plain calendar maths, no zone involved. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** 'YYYY-MM-DD', the form holidays are configured in. */
export function isoDay(d: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;
}
