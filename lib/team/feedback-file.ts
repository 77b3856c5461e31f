import Papa from 'papaparse';
import type { LeadlightDb } from '../db/database';
import { authorKey, authorName, TeamVerdictSchema, type TeamVerdict } from '../domain/team-verdict';
import type { TeamMeta } from './team-source';

/** What merging one rep's feedback file did: verdicts taken, already known, and rows that could not be read. */
export type FeedbackFileResult = {
  name: string;
  verdicts: number;
  /** Verdicts another merged file (or this browser) already holds, by feedback id. */
  duplicates: number;
  authors: string[];
  skipped: { line: number; reason: string }[];
};

// The headers "Download all feedback as CSV" writes (lib/domain/csv.ts).
const REQUIRED = ['Date', 'Email', 'Verdict', 'Author', 'Feedback id'] as const;
const MAX_SKIPPED_LISTED = 20;

/** The export guards formula-like cells with a leading quote; the import takes it off again. */
const unguard = (s: string | undefined) => (s && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)?.trim() || undefined;

/** Reads an exported feedback file row by row: one bad row is skipped with its line, never the file. */
export function parseFeedbackFile(name: string, text: string): { verdicts: TeamVerdict[]; skipped: FeedbackFileResult['skipped'] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((h) => !headers.includes(h));
  if (missing.length)
    throw new Error(
      `${name} is not a Leadlight feedback file: it lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `“${m}”`).join(', ')}. Use a file from the report’s “Download all feedback as CSV”.`,
    );
  const verdicts: TeamVerdict[] = [];
  const skipped: FeedbackFileResult['skipped'] = [];
  parsed.data.forEach((row, i) => {
    const reasonId = unguard(row['Reason id']);
    const candidate = {
      id: unguard(row['Feedback id']),
      email: unguard(row.Email)?.toLowerCase(),
      verdict: unguard(row.Verdict),
      kind: unguard(row.Kind) ?? 'quality',
      ...(reasonId ? { reasonId } : {}),
      ...(!reasonId && unguard(row.Reason) ? { reasonLabel: unguard(row.Reason) } : {}),
      ...(unguard(row['Recycle on']) ? { recycleOn: unguard(row['Recycle on']) } : {}),
      ...(unguard(row.Note) ? { note: unguard(row.Note) } : {}),
      author: unguard(row.Author),
      createdAt: unguard(row.Date),
      origin: 'file',
      file: name,
    };
    const v = TeamVerdictSchema.safeParse(candidate);
    if (v.success) verdicts.push(v.data);
    else {
      const issue = v.error.issues[0];
      // Line 1 is the header.
      skipped.push({ line: i + 2, reason: `${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'unreadable'}` });
    }
  });
  return { verdicts, skipped };
}

/** A merged file as the team's meta row lists it. */
type MergedFile = NonNullable<TeamMeta['files']>[number];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The tag a new file's verdicts carry: its name, unless another file of that name is
 * in (two reps' exports of one day), then the name numbered.
 */
function freeTag(name: string, files: readonly MergedFile[]): string {
  const taken = new Set(files.map((f) => f.tag ?? f.name));
  let tag = name;
  for (let n = 2; taken.has(tag); n++) tag = `${name} (${n})`;
  return tag;
}

/**
 * Merges one rep's exported feedback file into the team's verdicts for a report
 * without a CRM. Verdicts are keyed by feedback id, so overlapping files (or a
 * file holding this browser's own verdicts) count each verdict once. A file is
 * known by its name and whose verdicts it holds: exports are named by day, so two
 * reps' files may share a name and each adds, while merging a rep's file again (an
 * updated export) replaces what it brought. The report lists whose files are in.
 */
export async function mergeFeedbackFile(db: LeadlightDb, name: string, text: string): Promise<FeedbackFileResult> {
  const { verdicts, skipped } = parseFeedbackFile(name, text);
  const reps = [...new Set(verdicts.map((v) => authorKey(v.author)))].sort();
  const authors = [...new Map(verdicts.map((v) => [authorKey(v.author), authorName(v.author)])).values()].sort();
  return db.transaction('rw', [db.teamVerdicts, db.meta, db.feedback], async () => {
    const meta = ((await db.meta.get('team:file')) as TeamMeta | undefined) ?? {};
    const files = meta.files ?? [];
    // Files merged before they were known by their reps are matched by the names of their authors.
    const earlier = files.find((f) => f.name === name && (f.reps ? sameList(f.reps, reps) : sameList(f.authors, authors)));
    const tag = earlier ? (earlier.tag ?? earlier.name) : freeTag(name, files);
    const previous = await db.teamVerdicts
      .where('origin')
      .equals('file')
      .filter((v) => v.file === tag)
      .primaryKeys();
    await db.teamVerdicts.bulkDelete(previous);
    const ids = verdicts.map((v) => v.id);
    const [inTeam, own] = await Promise.all([db.teamVerdicts.bulkGet(ids), db.feedback.bulkGet(ids)]);
    const fresh = verdicts.filter((_, i) => !inTeam[i] && !own[i]).map((v) => ({ ...v, file: tag }));
    await db.teamVerdicts.bulkPut(fresh);
    const entry: MergedFile = { name, authors, verdicts: fresh.length, reps, ...(tag === name ? {} : { tag }) };
    const next = files.filter((f) => f !== earlier).concat([entry]);
    await db.meta.put({ key: 'team:file', files: next, asOf: new Date().toISOString() } as never);
    return {
      name,
      verdicts: fresh.length,
      duplicates: verdicts.length - fresh.length,
      authors,
      skipped: skipped.slice(0, MAX_SKIPPED_LISTED),
    };
  });
}
