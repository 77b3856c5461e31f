/**
 * Which number comes first in a date such as 03/04/2026. CRMs export dates in the
 * user's own locale: Salesforce in en_US writes 4/3/2026 for 3 April, in en_GB,
 * fr or es 03/04/2026. A file read in the wrong order silently moves every date
 * whose day is 12 or less, and cannot read the others.
 */
export type DayOrder = 'month-first' | 'day-first';

/** What the file's own slash dates say about their order, read before importing. */
export type DayOrderFinding = {
  /** The order the file's dates prove (a day above 12 in one place only); null when they do not. */
  order: DayOrder | null;
  /** Whether the file holds slash dates at all: without them the question is not asked. */
  seen: boolean;
  /** Dates proving each order were both found (two systems' exports pasted together). */
  mixed: boolean;
  /** A date of the file that either order could read (else any), shown in the question so people answer about their own data. */
  example: string | null;
  /** Only the file's first DAY_ORDER_SCAN_CHARS were read, and they proved nothing: later dates may. */
  partial?: boolean;
};

// A whole date with slashes or dashes: not part of a longer run of digits or of another such number.
const SLASH_DATE = /(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2\d{4}(?![\d/-])/g;

/** Characters read for the question; a million-row export settles in its first rows. */
export const DAY_ORDER_SCAN_CHARS = 8_000_000;
/** Proving dates after which the scan stops: enough to see a second system's rows. */
const ENOUGH = 200;

export function findDayOrder(text: string, maxChars = DAY_ORDER_SCAN_CHARS): DayOrderFinding {
  const slice = text.length > maxChars ? text.slice(0, maxChars) : text;
  let dayFirst = 0;
  let monthFirst = 0;
  let example: string | null = null;
  let ambiguous: string | null = null;
  SLASH_DATE.lastIndex = 0;
  for (let m = SLASH_DATE.exec(slice); m; m = SLASH_DATE.exec(slice)) {
    const first = +m[1]!;
    const second = +m[3]!;
    example ??= m[0];
    if (first > 12 && second >= 1 && second <= 12) dayFirst += 1;
    else if (second > 12 && first >= 1 && first <= 12) monthFirst += 1;
    else if (first !== second) ambiguous ??= m[0];
    if (dayFirst + monthFirst >= ENOUGH) break;
  }
  const mixed = dayFirst > 0 && monthFirst > 0;
  const order = mixed ? null : dayFirst > 0 ? 'day-first' : monthFirst > 0 ? 'month-first' : null;
  const partial = order === null && !mixed && text.length > maxChars;
  return { order, seen: example !== null, mixed, example: ambiguous ?? example, ...(partial ? { partial } : {}) };
}

// Locales whose CRMs write the month first; everywhere else writes the day first.
const MONTH_FIRST_LANGUAGES = new Set(['en', 'en-us', 'es-us', 'en-ph', 'fil']);

/** The order to assume when the file does not say, from the browser's language. */
export function defaultDayOrder(language: string): DayOrder {
  return MONTH_FIRST_LANGUAGES.has(language.toLowerCase()) ? 'month-first' : 'day-first';
}
