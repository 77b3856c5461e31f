import type { DayOrder } from './day-order';
import { quote } from './echo';

/**
 * Cell parsers for the formats CRM exports use. Each returns `undefined` for a
 * blank cell and `null` for a value it cannot read, so callers can tell "not
 * given" from "given but wrong".
 */

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 2/30 over to 3/2; a round trip catches impossible days.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString();
}

/** A wall-clock time in the reader's zone; null for an impossible one. */
function local(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s, ms);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.toISOString();
}

const digitsAt = (v: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/**
 * `YYYY-MM-DDTHH:mm:ss.sssZ` naming a real instant: exactly what toISOString writes
 * for years 0–9999. Checked by character because a million rows of it made a Date
 * and a string each just to compare them.
 */
function isCanonicalUtc(v: string): boolean {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z')
    return false;
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 2);
  const within = (n: number, lo: number, hi: number) => n >= lo && n <= hi;
  return (
    y >= 0 &&
    within(mo, 1, 12) &&
    within(digitsAt(v, 8, 2), 1, daysIn(y, mo)) &&
    within(digitsAt(v, 11, 2), 0, 23) &&
    within(digitsAt(v, 14, 2), 0, 59) &&
    within(digitsAt(v, 17, 2), 0, 59) &&
    digitsAt(v, 20, 3) >= 0
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// HubSpot exports "2026-03-01 14:05" (sometimes with seconds); no zone, read as UTC.
const SPACE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
// Locale dates with the year last: "3/14/2026 2:05 PM" (en_US), "14/03/2026 14:05" (en_GB, fr),
// "14.03.2026, 14:05" (de), "14-3-2026 14:05" (nl), "03-14-2026" (US).
const LOCALE_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
// Year first with slashes or dots, as Salesforce writes dates in ja, zh and en_ZA: "2026/03/14 14:05".
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * ISO-8601 (with zone), `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]`, `M/D/YYYY [h:mm AM]` (or
 * `D/M/YYYY` when the file's order is day first, and the same with dashes), `D.M.YYYY` and `YYYY/M/D`, to an ISO string. A date alone is that day's midnight UTC, shown as the calendar
 * date it is (components/format.ts). A time without a zone is the reader's local
 * time: exports do not say their zone, and CRMs write them in the user's own.
 */
export function parseDate(raw: string, order: DayOrder = 'month-first'): string | null | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  // Leadlight's own exports and feeds already write canonical UTC: read as is, without a Date.
  if (isCanonicalUtc(v)) return v;
  let m = ISO_DATE.exec(v);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!);
  m = SPACE_DATETIME.exec(v);
  // ".5" is half a second: the fraction's digits are tenths, hundredths, thousandths.
  if (m) return local(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), +(m[7] ?? '0').padEnd(3, '0'));
  m = LOCALE_DATE.exec(v);
  if (m) {
    // Dots are day first wherever they are written (de, ru); slashes and dashes follow the file's order
    // (US exports write 03-14-2026 too, nl 14-3-2026).
    const dayFirst = m[2] === '.' || order === 'day-first';
    const [month, day] = dayFirst ? [+m[3]!, +m[1]!] : [+m[1]!, +m[3]!];
    let hour = +(m[5] ?? 0);
    const meridiem = m[8]?.toLowerCase();
    if (meridiem && (hour < 1 || hour > 12)) return null;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return m[5] === undefined ? utc(+m[4]!, month, day) : local(+m[4]!, month, day, hour, +(m[6] ?? 0), +(m[7] ?? 0));
  }
  m = YEAR_FIRST.exec(v);
  if (m) return m[5] === undefined ? utc(+m[1]!, +m[3]!, +m[4]!) : local(+m[1]!, +m[3]!, +m[4]!, +m[5], +m[6]!, +(m[7] ?? 0));
  if (ISO_WITH_ZONE.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  return null;
}

/**
 * Why a date cell could not be read, for a warning. A date only the other order reads
 * (a slashed or dashed one: no other format depends on it) says so: the whole file is
 * most likely in that order.
 */
export function unreadableDate(raw: string, order: DayOrder = 'month-first'): string {
  const other = order === 'month-first' ? 'day-first' : 'month-first';
  const otherReads = parseDate(raw, other) != null;
  const hint = otherReads
    ? ` (dates are read ${order === 'month-first' ? 'month first' : 'day first'}: choose the other order and import again)`
    : '';
  return `unreadable date ${quote(raw)}${hint}`;
}

const TRUE = new Set(['1', 'true', 'yes', 'y']);
const FALSE = new Set(['0', 'false', 'no', 'n']);

/** 1/0, true/false, yes/no in any case. */
export function parseBoolean(raw: string): boolean | null | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

// Thousands grouped by a dot (de, es, it, nl), a space (fr, sv) or an apostrophe (de-CH): "5.000", "5 000".
const GROUPED_WHOLE = /^-?\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+$/;

/**
 * "1,200", "1200.0", " 78 " → number; currency or ranges are not numbers here. For a
 * whole number (`whole`: an employee count), "5.000" and "5 000" are five thousand,
 * as European exports group digits; in a field that may hold a fraction "1.234" stays
 * one point two three four.
 */
export function parseNumber(raw: string, whole = false): number | null | undefined {
  const trimmed = raw.trim();
  if (whole && GROUPED_WHOLE.test(trimmed)) return Number(trimmed.replace(/[.\s\u00a0\u202f']/g, ''));
  // A comma before anything but a group of three digits is a decimal comma ("78,5", "1.234,5"), as
  // European exports write it: a thousands separator always groups three digits.
  const decimalComma = /^-?\d{1,3}(\.\d{3})*,\d+$/.test(trimmed) && !/^-?\d{1,3}(,\d{3})+$/.test(trimmed);
  const v = decimalComma ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  if (!v) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

const squash = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function picklist(known: Readonly<Record<string, string>>) {
  // Unknown values are kept verbatim: an admin's custom stage is still real data.
  return (raw: string): string | undefined => {
    const v = raw.trim();
    if (!v) return undefined;
    return known[squash(v)] ?? v;
  };
}

/** HubSpot labels ("Marketing Qualified Lead") and internal names ("marketingqualifiedlead") → Leadlight ids. */
export const normalizeLifecycle = picklist({
  subscriber: 'subscriber',
  lead: 'lead',
  mql: 'mql',
  marketingqualifiedlead: 'mql',
  sql: 'sql',
  salesqualifiedlead: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'evangelist',
  other: 'other',
});

/** Member statuses CRMs count as a response, for files without a Responded column. */
const RESPONDED_STATUSES = new Set(['responded', 'clicked', 'registered', 'attended', 'downloaded', 'visited', 'submitted']);

export function statusMeansResponded(status: string): boolean {
  return RESPONDED_STATUSES.has(status.trim().toLowerCase());
}
