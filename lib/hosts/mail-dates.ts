/**
 * Message dates as Gmail and Outlook on the web print them in tooltips. Neither
 * puts a machine-readable timestamp in the page, and both print the reader's
 * local time, so a match becomes a local Date. Only the formats below are read;
 * anything else (another language's month names, a date without a year) gives
 * null, and Leadlight then records nothing rather than a guessed time.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Spaces inside dates can be no-break (U+00A0) or narrow no-break (U+202F, newer Chrome before AM/PM).
const S = '[\\s\\u00a0\\u202f]';
const TIME = `(\\d{1,2}):(\\d{2})(?:${S}*([AaPp])\\.?[Mm]\\.?)?`;
/** Gmail in English: "Mon, Mar 3, 2025, 3:47 PM" (US) or "Mon, 3 Mar 2025, 15:47" (UK and others). */
const GMAIL = new RegExp(
  `^(?:\\w+,${S}+)?(?:([A-Za-z]{3})[a-z]*\\.?${S}+(\\d{1,2}),|(\\d{1,2})${S}+([A-Za-z]{3})[a-z]*\\.?)${S}+(\\d{4}),?${S}+(?:at${S}+)?${TIME}`,
);
/** Outlook: "Tue 3/4/2025 9:12 AM" (US, month first with AM/PM), "Tue 04/03/2025 09:12" (day first), "Di 04.03.2025 09:12". */
const NUMERIC = new RegExp(`^(?:[^\\d\\s]+\\.?${S}+)?(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4}),?${S}+${TIME}`);

function local(year: number, month: number, day: number, hour: number, minute: number, meridiem: string | undefined): Date | null {
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const d = new Date(year, month, day, h, minute);
  // Rejects 31 April, 25:00 and :75, which Date would roll over (and a time a DST change skips).
  return month >= 0 && minute < 60 && d.getMonth() === month && d.getDate() === day && d.getHours() === h ? d : null;
}

const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());

/** The instant a Gmail or Outlook date tooltip names, in the reader's zone; null when unreadable. */
export function parseMailDate(text: string | null | undefined): Date | null {
  const t = text?.trim();
  if (!t) return null;
  let m = GMAIL.exec(t);
  if (m) return local(Number(m[5]), monthIndex(m[1] ?? m[4] ?? ''), Number(m[2] ?? m[3]), Number(m[6]), Number(m[7]), m[8]);
  m = NUMERIC.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // A number above 12 can only be the day, whatever the reader's settings. Otherwise, with AM/PM
    // and slashes it is taken for the US order (month first), else day first: Outlook sets the date
    // and time formats apart, so a day-first, 12-hour reader is read right only when the day says so.
    const monthFirst = a > 12 ? false : b > 12 ? true : m[2] === '/' && !!m[7];
    return local(Number(m[4]), (monthFirst ? a : b) - 1, monthFirst ? b : a, Number(m[5]), Number(m[6]), m[7]);
  }
  return null;
}
