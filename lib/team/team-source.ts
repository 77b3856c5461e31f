import { CRM_NAMES } from '../connectors/connector';
import { generateDemoData } from '../demo/demo-data';
import { DEMO_NOW } from '../demo/dates';
import { DEMO_REPS, generateDemoVerdicts } from '../demo/team-verdicts';
import type { LeadlightDb } from '../db/database';
import type { ReportVerdict } from '../domain/report-data';
import type { TeamScope } from '../domain/report-view';
import { authorKey, type TeamVerdict } from '../domain/team-verdict';
import type { Settings } from '../settings/settings';

export type { TeamScope } from '../domain/report-view';

/**
 * The team meta row of one origin: when it was last read and, for files, which were
 * merged. A file is known by its name and `reps` (whose verdicts it holds, by address);
 * `tag` is what its verdicts carry as `file` when another file of that name came first.
 */
export type TeamMeta = {
  asOf?: string;
  files?: { name: string; authors: string[]; verdicts: number; reps?: string[]; tag?: string }[];
};

/** The demo inbox is Alex Rivera's: he signs the verdicts given in it, and is who "only mine" means. */
export const DEMO_AUTHOR = DEMO_REPS['Alex Rivera'];
export const DEMO_ME = authorKey(DEMO_AUTHOR);

let demoVerdicts: ReportVerdict[] | undefined;

function demo(): ReportVerdict[] {
  demoVerdicts ??= generateDemoVerdicts(generateDemoData());
  return demoVerdicts;
}

async function readMeta(db: LeadlightDb, origin: string): Promise<TeamMeta> {
  return ((await db.meta.get(`team:${origin}`)) as TeamMeta | undefined) ?? {};
}

/**
 * The team's verdicts for the data source in use, merged with this browser's own
 * feedback and counted once each by feedback id (a verdict this rep gave and then
 * read back from the CRM is the same verdict). "Only mine" keeps the verdicts
 * signed by this rep.
 */
export async function loadTeamVerdicts(
  db: LeadlightDb,
  settings: Pick<Settings, 'source'> & Partial<Pick<Settings, 'rep'>>,
  onlyMine = false,
): Promise<{ verdicts: ReportVerdict[]; scope: TeamScope }> {
  const own = await db.feedback.toArray();
  let team: readonly ReportVerdict[];
  let from = 'this browser';
  let asOf: string | null;
  let files: TeamScope['files'];
  if (settings.source === 'demo') {
    team = demo();
    from = 'the demo data';
    asOf = DEMO_NOW;
  } else {
    const origin = settings.source === 'hubspot' || settings.source === 'salesforce' ? settings.source : 'file';
    const [rows, meta]: [TeamVerdict[], TeamMeta] = await Promise.all([
      db.teamVerdicts.where('origin').equals(origin).toArray(),
      readMeta(db, origin),
    ]);
    team = rows;
    asOf = meta.asOf ?? null;
    if (origin === 'file') {
      files = (meta.files ?? []).map(({ name, authors, verdicts }) => ({ name, authors, verdicts }));
      if (files.length) from = `${files.length} feedback ${files.length === 1 ? 'file' : 'files'} and this browser`;
    } else {
      from = CRM_NAMES[origin];
    }
  }
  const byId = new Map<string, ReportVerdict>();
  for (const v of [...team, ...own]) byId.set(v.id, v);
  let verdicts = [...byId.values()];
  // The rep as set in Settings; on the demo, the owner of its inbox; else whoever signs this browser's feedback.
  const me = settings.rep?.email?.toLowerCase() ?? (settings.source === 'demo' ? DEMO_ME : own[0] ? authorKey(own[0].author) : undefined);
  if (onlyMine) verdicts = me ? verdicts.filter((v) => authorKey(v.author) === me) : [];
  return { verdicts, scope: { ...countCurrent(verdicts), from, asOf, onlyMine, ...(files ? { files } : {}), ...(me ? { me } : {}) } };
}

/** Current verdicts (each rep's latest per contact) and the reps who gave them. */
function countCurrent(verdicts: readonly ReportVerdict[]): { verdicts: number; reps: number } {
  const current = new Set<string>();
  const reps = new Set<string>();
  for (const v of verdicts) {
    const rep = authorKey(v.author);
    reps.add(rep);
    current.add(`${rep}\n${v.email}`);
  }
  return { verdicts: current.size, reps: reps.size };
}
