import { z } from 'zod';
import type { LeadlightDb, MetaRow } from '../db/database';
import { describeIssue, type FieldIssue } from './field-reader';

/** One kind of unreadable field, as the options page lists it: where, how often, when last. No values, no people. */
export type FieldIssueSummary = FieldIssue & { text: string; count: number; lastSeen: string };

const KEY = 'field-issues';
// Enough to show every field an org's setup hides; the oldest are dropped first.
export const MAX_FIELD_ISSUES = 100;

const SummarySchema = z.object({
  vendor: z.string(),
  object: z.string(),
  field: z.string(),
  problem: z.enum(['missing', 'unreadable', 'refused', 'no_scope']),
  text: z.string(),
  count: z.number().int().positive(),
  lastSeen: z.string(),
});
type IssuesRow = MetaRow & { issues?: unknown };

/** Everything recorded so far, most recent first; a row that fails validation reads as none. */
export async function loadFieldIssues(db: LeadlightDb): Promise<FieldIssueSummary[]> {
  const row: IssuesRow | undefined = await db.meta.get(KEY);
  const parsed = z.array(SummarySchema).safeParse(row?.issues ?? []);
  return parsed.success ? parsed.data : [];
}

/** Adds the fields one lookup could not read to the diagnostics list. */
export async function recordFieldIssues(db: LeadlightDb, issues: readonly FieldIssue[], now: Date): Promise<void> {
  if (issues.length === 0) return;
  const lastSeen = now.toISOString();
  const byText = new Map((await loadFieldIssues(db)).map((s) => [s.text, s]));
  for (const issue of issues) {
    const text = describeIssue(issue);
    const known = byText.get(text);
    byText.delete(text);
    byText.set(text, { ...issue, text, count: (known?.count ?? 0) + 1, lastSeen });
  }
  const all = [...byText.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)).slice(0, MAX_FIELD_ISSUES);
  const row: IssuesRow = { key: KEY, issues: all };
  await db.meta.put(row);
}
