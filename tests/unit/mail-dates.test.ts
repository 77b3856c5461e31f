import { describe, expect, it } from 'vitest';
import { parseMailDate } from '@/lib/hosts/mail-dates';

// Mail clients print local time; expectations are local too.
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min);

describe('parseMailDate', () => {
  it.each([
    ['Mon, Mar 3, 2025, 3:47 PM', local(2025, 3, 3, 15, 47)],
    ['Mon, Mar 3, 2025, 3:47\u202fPM', local(2025, 3, 3, 15, 47)],
    ['Thu, Nov 19, 2026, 12:05 AM', local(2026, 11, 19, 0, 5)],
    ['Mon, 3 Mar 2025, 15:47', local(2025, 3, 3, 15, 47)],
    ['Tue 3/4/2025 9:12 AM', local(2025, 3, 4, 9, 12)],
    ['Tue 04/03/2025 09:12', local(2025, 3, 4, 9, 12)],
    ['Di 04.03.2025 09:12', local(2025, 3, 4, 9, 12)],
    // Date and time formats are set apart in Outlook: a day above 12 says the order, whatever the clock.
    ['Tue 25/03/2025 9:12 AM', local(2025, 3, 25, 9, 12)],
    ['Tue 3/25/2025 09:12', local(2025, 3, 25, 9, 12)],
    // Day first with a 12-hour clock (Outlook in en-AU, en-NZ): 4 March 2025 was a Tuesday, 3 April a Thursday.
    ['Tue 4/03/2025 9:12 pm', local(2025, 3, 4, 21, 12)],
    ['Thu 4/03/2025 9:12 pm', local(2025, 4, 3, 21, 12)],
    ['Tue 3/4/2025 9:12 a.m.', local(2025, 3, 4, 9, 12)],
  ])('reads %s', (text, want) => {
    expect(parseMailDate(text)).toEqual(want);
  });

  it.each([
    ['mar 04/03/2025 09:12 p.\u00a0m.', 'es-MX', local(2025, 3, 4, 21, 12)],
    ['Τρι 4/3/2025 9:12 μμ', 'el', local(2025, 3, 4, 21, 12)],
    ['Τρί 4/3/2025 9:12 π.μ.', 'el-GR', local(2025, 3, 4, 9, 12)],
    ['jue 4/03/2025 9:12 a. m.', 'es', local(2025, 4, 3, 9, 12)],
  ])('reads %s on a page in %s', (text, lang, want) => {
    expect(parseMailDate(text, lang)).toEqual(want);
  });

  it.each([
    'Mon, Mar 3, 3:47 PM',
    'lun. 3 mars 2025, 15:47',
    'Tue 3/4/2025 13:12 PM',
    'Thu, Apr 31, 2025, 9:00 AM',
    '',
    null,
    'yesterday',
    // An afternoon marker not listed is not dropped (that read 9:12 in the morning).
    'Tue 3/4/2025 9:12 ب.ظ',
    'Mon, Mar 3, 2025, 3:47 nachm.',
    // Day and month both 12 or under, and nothing to say which comes first: no weekday, a weekday
    // in a language the page does not name, or one both readings share (1 July and 7 January 2025).
    '04/03/2025 9:12 PM',
    'mar 04/03/2025 09:12 p.\u00a0m.',
    'Tue 1/7/2025 9:12 AM',
  ])('refuses %s rather than guess', (text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});
