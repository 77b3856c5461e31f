import { z } from 'zod';
import { TeamVerdictSchema, type TeamVerdict } from '../../domain/team-verdict';
import { parseVerdictData, VERDICT_DATA_TOKEN } from '../../domain/verdict-record';
import type { TeamProgress } from '../connector';
import type { SalesforceApi } from './api';
import { TASK_SUBJECT_PREFIX } from './feedback';
import { SalesforceIdSchema, SfDateTimeSchema } from './schemas';
import { soqlString } from './soql';

/** Records per keyset page; SOQL returns at most 2,000 per batch anyway. */
export const TASK_PAGE = 2000;

// An unreadable optional field is left out alone, not the Task: the verdict is read from what is left
// (the data line, else the subject), and only a Task without its Id or date is skipped.
const optionalText = z.string().nullish().catch(null);
const TeamTaskSchema = z.object({
  Id: SalesforceIdSchema,
  Subject: optionalText,
  Description: optionalText,
  CreatedDate: SfDateTimeSchema,
  // Who is polymorphic (Lead or Contact); its Name view carries the email of either.
  Who: z.object({ Email: optionalText }).nullish().catch(null),
});
type TeamTask = z.infer<typeof TeamTaskSchema>;

/** The SOQL for one page of Leadlight's verdict Tasks after `afterId`, in Id order (keyset paging). */
export function teamTaskQuery(afterId?: string): string {
  const after = afterId ? ` AND Id > ${soqlString(afterId)}` : '';
  return (
    'SELECT Id, Subject, Description, CreatedDate, Who.Email FROM Task ' +
    `WHERE Subject LIKE ${soqlString(`${TASK_SUBJECT_PREFIX}%`)}${after} ORDER BY Id LIMIT ${TASK_PAGE}`
  );
}

/**
 * A Task written before verdicts carried their data line: read from the fixed
 * subject ("Lead feedback: Bad lead – No budget [LL-…]") and the description's
 * "From:" and "Leadlight feedback id:" lines. The reason is kept as the label it shows.
 */
function fromLegacyTask(task: TeamTask): TeamVerdict | null {
  const subject = task.Subject ?? '';
  const m = /^Lead feedback: (Good lead|Bad lead|Hand-off accepted|Hand-off rejected)(?: – (.*?))? \[LL-[^\]]*\]\s*$/.exec(subject);
  const id = /Leadlight feedback id: (\S+)/.exec(task.Description ?? '')?.[1];
  const author = /From: (.+?) \(via Leadlight\)/.exec(task.Description ?? '')?.[1];
  if (!m) return null;
  const words = m[1]!;
  const parsed = TeamVerdictSchema.safeParse({
    id: id ?? `salesforce-task-${task.Id}`,
    email: task.Who?.Email?.toLowerCase(),
    verdict: words === 'Good lead' || words === 'Hand-off accepted' ? 'good' : 'bad',
    kind: words.startsWith('Hand-off') ? 'handoff' : 'quality',
    ...(m[2] ? { reasonLabel: m[2] } : {}),
    author: author ?? 'unknown',
    createdAt: task.CreatedDate,
    origin: 'salesforce',
  });
  return parsed.success ? parsed.data : null;
}

/** Every rep's verdicts in the org: SOQL on the Tasks whose Subject carries Leadlight's fixed prefix. */
export async function readSalesforceTeamVerdicts(api: SalesforceApi, progress: TeamProgress = () => {}): Promise<TeamVerdict[]> {
  const verdicts: TeamVerdict[] = [];
  let afterId: string | undefined;
  let read = 0;
  for (;;) {
    const rows = await api.query(teamTaskQuery(afterId), z.unknown(), { object: 'Task' });
    for (const row of rows) {
      const task = TeamTaskSchema.safeParse(row);
      if (!task.success) continue;
      const email = task.data.Who?.Email ?? undefined;
      const v =
        parseVerdictData(task.data.Description ?? '', VERDICT_DATA_TOKEN, 'salesforce', { createdAt: task.data.CreatedDate, email }) ??
        fromLegacyTask(task.data);
      if (v) verdicts.push(v);
    }
    read += rows.length;
    progress({ read });
    const last = (rows.at(-1) as { Id?: unknown } | undefined)?.Id;
    if (rows.length < TASK_PAGE || typeof last !== 'string') return verdicts;
    afterId = last;
  }
}
