import type { SlaSettings } from './sla';
import { type LocalDate, isoDay, zonedToUtc } from './zoned-time';

/**
 * Working time on a team's calendar, answered from running totals. Each local
 * day's working window is resolved once (Intl, which DST-correct resolution needs,
 * costs microseconds a call) and kept with the working time of every earlier window,
 * so the working time between two instants is one subtraction and the instant so
 * many hours after another is a binary search, however many weeks lie between.
 */

const DAY_MS = 86_400_000;
// Zone offsets lie within −12 h and +14 h, so an instant's local day is its UTC day ± 1.
const MARGIN_DAYS = 2;
// How far ahead addBusinessHours looks for working time before calling the calendar empty.
const SEARCH_DAYS = 366 * 50;
// The table grows by at least a month and at most a year at a time.
const GROW_MIN_DAYS = 31;
const GROW_MAX_DAYS = 366;

const utcDayOf = (ms: number) => Math.floor(ms / DAY_MS);

function localDate(dayNumber: number): LocalDate {
  const t = new Date(dayNumber * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** "09:30" → 570: minutes since midnight of an SLA's HH:MM setting. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function assertInstant(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
}

export class BusinessCalendar {
  private readonly open: boolean[];
  private readonly holidays: ReadonlySet<string>;
  private readonly startMinutes: number;
  private readonly endMinutes: number;
  /** Day numbers (days since 1970-01-01 as calendar days) the table covers, both inclusive. */
  private first = 0;
  private last = -1;
  // The working windows of the covered days, in order, and the working time before each.
  private starts: number[] = [];
  private ends: number[] = [];
  private before: number[] = [];

  constructor(private readonly s: CalendarSettings) {
    this.open = Array.from({ length: 7 }, (_, d) => s.workingDays.includes(d));
    this.holidays = new Set(s.holidays ?? []);
    this.startMinutes = minutesOf(s.dayStart);
    this.endMinutes = minutesOf(s.dayEnd);
  }

  /**
   * The working window of one local day as instants, or null on a day off. Resolved
   * per day, so a DST change shifts the window's UTC position, and a window spanning
   * the change is an hour shorter or longer.
   */
  private windowOf(dayNumber: number): [number, number] | null {
    const day = localDate(dayNumber);
    // Day 0 (1970-01-01) was a Thursday.
    if (!this.open[(((dayNumber + 4) % 7) + 7) % 7] || this.holidays.has(isoDay(day))) return null;
    const [start, end] = [this.startMinutes, this.endMinutes];
    const tz = this.s.timeZone;
    const w: [number, number] = [
      zonedToUtc(day, Math.floor(start / 60), start % 60, tz),
      zonedToUtc(day, Math.floor(end / 60), end % 60, tz),
    ];
    // A start pushed past the end by a spring-forward gap leaves no working time that day.
    return w[1] > w[0] ? w : null;
  }

  private windows(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    for (let d = from; d <= to; d++) {
      const w = this.windowOf(d);
      if (w) out.push(w);
    }
    return out;
  }

  /** Makes the table cover the days `lo`…`hi`, growing it in steps so that repeated growth stays linear. */
  private cover(lo: number, hi: number): void {
    const empty = this.last < this.first;
    if (!empty && lo >= this.first && hi <= this.last) return;
    const step = Math.min(GROW_MAX_DAYS, Math.max(GROW_MIN_DAYS, this.last - this.first + 1));
    const first = empty ? lo : lo < this.first ? Math.min(lo, this.first - step) : this.first;
    const last = empty ? hi : hi > this.last ? Math.max(hi, this.last + step) : this.last;
    const windows = empty
      ? this.windows(first, last)
      : [
          ...this.windows(first, this.first - 1),
          ...this.starts.map((s, i): [number, number] => [s, this.ends[i]!]),
          ...this.windows(this.last + 1, last),
        ];
    this.first = first;
    this.last = last;
    this.starts = windows.map((w) => w[0]);
    this.ends = windows.map((w) => w[1]);
    let total = 0;
    this.before = windows.map((w) => {
      const b = total;
      total += w[1] - w[0];
      return b;
    });
  }

  private coverAround(ms: number): void {
    this.cover(utcDayOf(ms) - MARGIN_DAYS, utcDayOf(ms) + MARGIN_DAYS);
  }

  /** Index of the last window starting at or before `t`, or −1. */
  private windowAtOrBefore(t: number): number {
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= t) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi;
  }

  /** Working time in the table's windows before `t`; only differences mean anything. `t` must be covered. */
  private workedBefore(t: number): number {
    const k = this.windowAtOrBefore(t);
    if (k < 0) return 0;
    return this.before[k]! + Math.min(t - this.starts[k]!, this.ends[k]! - this.starts[k]!);
  }

  /** Working time between two instants in ms; negative when `b` is before `a`. */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    assertInstant(a);
    assertInstant(b);
    this.coverAround(a);
    this.coverAround(b);
    return this.workedBefore(b) - this.workedBefore(a);
  }

  /**
   * The instant `ms` of working time after `start`. A start outside working hours
   * begins at the next window; an amount that ends a window exactly ends there.
   */
  add(start: number, ms: number): number {
    assertInstant(start);
    if (Number.isNaN(ms) || ms === Infinity) throw new RangeError('No working time found; check the SLA working days');
    this.coverAround(start);
    const target = this.workedBefore(start) + ms;
    const limit = utcDayOf(start) + SEARCH_DAYS;
    for (;;) {
      const k = this.firstWindowReaching(start, target);
      if (k < this.starts.length) {
        const from = Math.max(start, this.starts[k]!);
        // The hours left once the windows before `from` are used, as a day-by-day count would leave them.
        return from + (ms - (this.workedBefore(from) - this.workedBefore(start)));
      }
      if (this.last >= limit) throw new RangeError('No working time found; check the SLA working days');
      this.cover(this.first, this.last + 1);
    }
  }

  /**
   * The first window still open at `start` whose end reaches `target` of working
   * time; the count of windows when the table holds none. Both conditions only turn
   * true as windows go on, so each is a binary search and the later one answers.
   */
  private firstWindowReaching(start: number, target: number): number {
    const k = this.windowAtOrBefore(start);
    let lo = k < 0 || this.ends[k]! <= start ? k + 1 : k;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before[mid]! + (this.ends[mid]! - this.starts[mid]!) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// A few calendars at most: the team's, and whatever the options page tries out.
const MAX_CALENDARS = 8;
const calendars = new Map<string, BusinessCalendar>();
// Settings are parsed values, never edited in place: the same object is the same calendar.
const bySettings = new WeakMap<object, BusinessCalendar>();

type CalendarSettings = Pick<SlaSettings, 'timeZone' | 'workingDays' | 'dayStart' | 'dayEnd' | 'holidays'>;

/** The calendar of some SLA settings, kept while settings with the same calendar are in use. */
export function calendarFor(s: CalendarSettings): BusinessCalendar {
  const known = bySettings.get(s);
  if (known) return known;
  const key = `${s.timeZone}|${s.workingDays.join(',')}|${s.dayStart}|${s.dayEnd}|${(s.holidays ?? []).join(',')}`;
  let c = calendars.get(key);
  if (c) {
    // Most recently used last, so the oldest is the one to drop.
    calendars.delete(key);
  } else {
    c = new BusinessCalendar(s);
    if (calendars.size >= MAX_CALENDARS) calendars.delete(calendars.keys().next().value!);
  }
  calendars.set(key, c);
  bySettings.set(s, c);
  return c;
}
