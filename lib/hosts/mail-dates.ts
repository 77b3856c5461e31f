/**
 * Message dates as Gmail and Outlook on the web print them in tooltips. Neither
 * puts a machine-readable timestamp in the page, and both print the reader's
 * local time, so a match becomes a local Date. Only the formats below are read,
 * whole: anything else (another language's month names, a date without a year,
 * an unknown word after the time, a day and month whose order nothing settles)
 * gives null, and Leadlight then records nothing rather than a guessed time.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Spaces inside dates can be no-break (U+00A0) or narrow no-break (U+202F, newer Chrome before AM/PM).
const S = '[\\s\\u00a0\\u202f]';
// AM/PM as English, Spanish ("p. m.", a no-break space inside) and Greek (π.μ. before noon, μ.μ. after) print it.
const MERIDIEM = `(?:(?<latin>[AaPp])\\.?${S}*[Mm]\\.?|(?<greek>[πΠμΜ])\\.?${S}*[μΜ]\\.?)`;
const TIME = `(?<hour>\\d{1,2}):(?<minute>\\d{2})(?:${S}*${MERIDIEM})?${S}*$`;
/** Gmail in English: "Mon, Mar 3, 2025, 3:47 PM" (US) or "Mon, 3 Mar 2025, 15:47" (UK and others). */
const GMAIL = new RegExp(
  `^(?:\\w+,${S}+)?(?:(?<mon>[A-Za-z]{3})[a-z]*\\.?${S}+(?<day>\\d{1,2}),|(?<day2>\\d{1,2})${S}+(?<mon2>[A-Za-z]{3})[a-z]*\\.?)${S}+(?<year>\\d{4}),?${S}+(?:at${S}+)?${TIME}`,
);
/** Outlook: "Tue 3/4/2025 9:12 AM" (US), "Tue 4/03/2025 9:12 pm" (Australia), "Tue 04/03/2025 09:12", "Di 04.03.2025 09:12". */
const NUMERIC = new RegExp(
  `^(?:(?<weekday>[^\\d\\s.,]+)\\.?,?${S}+)?(?<a>\\d{1,2})(?<sep>[/.])(?<b>\\d{1,2})\\k<sep>(?<year>\\d{4}),?${S}+${TIME}`,
);

function local(year: number, month: number, day: number, hour: number, minute: number, pm: boolean | undefined): Date | null {
  let h = hour;
  if (pm !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (pm ? 12 : 0);
  }
  const d = new Date(year, month, day, h, minute);
  // Rejects 31 April, 25:00 and :75, which Date would roll over (and a time a DST change skips).
  return month >= 0 && minute < 60 && d.getMonth() === month && d.getDate() === day && d.getHours() === h ? d : null;
}

const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
    .toLowerCase();

const weekdayNames = new Map<string, Intl.DateTimeFormat[]>();
/** The short and long weekday names of `date` in English and the page's language, folded. */
function weekdaysOf(date: Date, lang: string | undefined): string[] {
  const key = lang ?? '';
  let formats = weekdayNames.get(key);
  if (!formats) {
    formats = [];
    for (const locale of new Set(['en', lang || 'en']))
      for (const weekday of ['short', 'long'] as const) {
        try {
          formats.push(new Intl.DateTimeFormat(locale, { weekday }));
        } catch {
          // A malformed lang attribute: English names only.
        }
      }
    weekdayNames.set(key, formats);
  }
  return formats.map((f) => fold(f.format(date)));
}

/**
 * The instant a Gmail or Outlook date tooltip names, in the reader's zone; null when
 * unreadable. `lang` (the page's language) names Outlook's weekdays beside English.
 */
export function parseMailDate(text: string | null | undefined, lang?: string): Date | null {
  const t = text?.trim();
  if (!t) return null;
  const g = (GMAIL.exec(t) ?? NUMERIC.exec(t))?.groups;
  if (!g) return null;
  const pm = g.latin ? /[pP]/.test(g.latin) : g.greek ? /[μΜ]/.test(g.greek) : undefined;
  const [hour, minute] = [Number(g.hour), Number(g.minute)];
  if (g.a === undefined || g.b === undefined) {
    return local(Number(g.year), monthIndex(g.mon ?? g.mon2 ?? ''), Number(g.day ?? g.day2), hour, minute, pm);
  }
  const [a, b, year] = [Number(g.a), Number(g.b), Number(g.year)];
  const dayFirst = local(year, b - 1, a, hour, minute, pm);
  const monthFirst = local(year, a - 1, b, hour, minute, pm);
  // A number above 12 can only be the day. Otherwise dots are day first everywhere; with slashes,
  // Outlook sets the date format apart from the language and the clock, so only the date itself
  // can say: the weekday printed before it names one of the two readings (in 6 cases of 7, only one).
  if (!monthFirst) return dayFirst;
  if (!dayFirst) return monthFirst;
  if (g.sep === '.' || a === b) return dayFirst;
  const weekday = g.weekday && fold(g.weekday);
  if (!weekday) return null;
  const [isDayFirst, isMonthFirst] = [dayFirst, monthFirst].map((d) => weekdaysOf(d, lang).includes(weekday));
  return isDayFirst === isMonthFirst ? null : isDayFirst ? dayFirst : monthFirst;
}
