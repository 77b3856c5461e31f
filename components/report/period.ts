/**
 * Reporting periods as the marketer picks them: a preset or a custom range of
 * calendar days in this browser's time zone. The background takes ISO instants
 * with `to` exclusive, so a range of days ends at the midnight after its last day.
 */

export const PRESETS = [
  { id: 'last30', label: 'Last 30 days' },
  { id: 'last90', label: 'Last 90 days' },
  { id: 'quarter', label: 'This quarter' },
  { id: 'last12m', label: 'Last 12 months' },
  { id: 'all', label: 'All time' },
] as const;

export type PresetId = (typeof PRESETS)[number]['id'];

export type PeriodChoice = { kind: 'preset'; preset: PresetId } | { kind: 'custom'; from: string; to: string };

/** A period the background understands: ISO instants, `from` inclusive, `to` exclusive. */
export type IsoPeriod = { from: string; to: string };

/** Where "All time" starts: before any CRM data worth reporting on. */
export const ALL_TIME_START = '2000-01-01';

const DAY_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

function localMidnight(year: number, monthIndex: number, day: number): Date {
  const d = new Date(year, monthIndex, day);
  // Years below 100 would be read as 19xx by the constructor.
  d.setFullYear(year, monthIndex, day);
  return d;
}

/** "2026-11-26" → local midnight of that day; null when the text is not a real date. */
export function parseDayInput(value: string): Date | null {
  const m = DAY_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = localMidnight(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : null;
}

/** The local calendar day of an instant, as a date input shows it. */
export function toDayInput(d: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(d: Date, days: number): Date {
  return localMidnight(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

const nextMidnight = (d: Date) => localMidnight(d.getFullYear(), d.getMonth(), d.getDate() + 1);

/**
 * The instants a choice stands for on the day of `now`. Presets end with today
 * (the next midnight), so verdicts given a minute ago count. Null when a custom
 * range is incomplete or ends before it starts.
 *
 * Data that stands still at its own today (the demo's, `dataToday`) has presets
 * measured back from that day; they still end no sooner than the real today, as
 * the verdicts given in the demo carry the real clock's time.
 */
export function resolvePeriod(choice: PeriodChoice, now: Date, dataToday?: Date): IsoPeriod | null {
  const day = dataToday ?? now;
  const tomorrow = nextMidnight(day);
  const end = dataToday ? new Date(Math.max(tomorrow.getTime(), nextMidnight(now).getTime())) : tomorrow;
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
  if (choice.kind === 'custom') {
    const from = parseDayInput(choice.from);
    const last = parseDayInput(choice.to);
    if (!from || !last || from > last) return null;
    return range(from, addDays(last, 1));
  }
  switch (choice.preset) {
    case 'last30':
      return range(addDays(tomorrow, -30), end);
    case 'last90':
      return range(addDays(tomorrow, -90), end);
    case 'quarter':
      return range(localMidnight(day.getFullYear(), day.getMonth() - (day.getMonth() % 3), 1), end);
    case 'last12m':
      return range(localMidnight(tomorrow.getFullYear() - 1, tomorrow.getMonth(), tomorrow.getDate()), end);
    case 'all':
      return range(parseDayInput(ALL_TIME_START) ?? new Date(0), end);
  }
}

/** The first and last day of a period, as the date inputs show it. */
export function periodDays(p: IsoPeriod): { from: string; to: string } {
  return { from: toDayInput(new Date(p.from)), to: toDayInput(new Date(Date.parse(p.to) - 1)) };
}
