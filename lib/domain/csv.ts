import type { Contact } from './contact';
import type { Feedback } from './feedback';
import type { ReasonDefinition } from './reason-definition';
import { reasonNames } from './report-data';

/**
 * CSV export for the report and the raw feedback log, for marketers who take the
 * numbers into a spreadsheet or BI tool.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

/** One output column: its header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * Cells a spreadsheet would evaluate as a formula. Feedback notes are free text
 * typed by anyone, so "=HYPERLINK(…)" must arrive as text, not as a live formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  // Numbers and booleans are never formulas; a negative number must stay a number.
  let s = typeof v === 'string' ? v : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV: header line, CRLF line ends, quotes doubled inside quoted fields. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A verdict as exported: any of the team's, with the delivery state when it is this browser's own. */
export type ExportedVerdict = Pick<
  Feedback,
  'id' | 'email' | 'verdict' | 'reasonId' | 'note' | 'author' | 'createdAt' | 'kind' | 'recycleOn'
> &
  Partial<Pick<Feedback, 'syncState'>> & {
    /** A reason known only by the label a CRM or file wrote (an older Salesforce Task, a merged file's row). */
    reasonLabel?: string;
  };

/**
 * Every piece of feedback (not only the latest per contact), oldest first, with
 * contact details. The feedback id makes the file importable by another marketer
 * without counting a verdict twice when several reps' files overlap; a reason known
 * only by its label keeps it, so it reads the same once merged again.
 */
export function feedbackToCsv(
  feedback: readonly ExportedVerdict[],
  contacts: readonly Contact[],
  reasons?: readonly ReasonDefinition[],
): string {
  const byEmail = new Map(contacts.map((c) => [c.email, c]));
  const names = reasonNames(reasons);
  const sorted = [...feedback].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return toCsv<ExportedVerdict>(sorted, [
    { header: 'Date', value: (f) => f.createdAt },
    { header: 'Email', value: (f) => f.email },
    { header: 'Name', value: (f) => byEmail.get(f.email)?.name },
    { header: 'Company', value: (f) => byEmail.get(f.email)?.company },
    { header: 'Owner', value: (f) => byEmail.get(f.email)?.owner },
    { header: 'Verdict', value: (f) => f.verdict },
    { header: 'Reason', value: (f) => names.of(f)?.label },
    { header: 'Reason id', value: (f) => f.reasonId },
    { header: 'Note', value: (f) => f.note },
    { header: 'Author', value: (f) => f.author },
    { header: 'Sync state', value: (f) => f.syncState },
    { header: 'Feedback id', value: (f) => f.id },
    { header: 'Kind', value: (f) => f.kind ?? 'quality' },
    { header: 'Recycle on', value: (f) => f.recycleOn },
  ]);
}
