import type { Feedback } from './feedback';
import { TeamVerdictSchema, type TeamVerdict, type TeamVerdictOrigin } from './team-verdict';

/** A verdict in words, as the CRM note or Task says it: a hand-off decision reads as one. */
export function verdictWords(f: Pick<Feedback, 'verdict' | 'kind'>): string {
  if (f.kind === 'handoff') return f.verdict === 'good' ? 'Hand-off accepted' : 'Hand-off rejected';
  return f.verdict === 'good' ? 'Good lead' : 'Bad lead';
}

/** The token that starts Leadlight's verdict data in a CRM record; one word, so HubSpot's token search finds it. */
export const VERDICT_DATA_TOKEN = 'leadlightverdict';

/**
 * The verdict as data, for the team report to read back: one line of key=value
 * pairs after the fixed token, values URI-encoded so none holds a space.
 */
export function verdictDataLine(feedback: Feedback): string {
  const fields: [string, string | undefined][] = [
    ['id', feedback.id],
    ['contact', feedback.email],
    ['verdict', feedback.verdict],
    ['kind', feedback.kind ?? 'quality'],
    ['reason', feedback.reasonId],
    ['recycle', feedback.recycleOn],
    ['by', feedback.author],
    ['at', feedback.createdAt],
    ['supersedes', feedback.supersedes],
  ];
  const pairs = fields.filter((f): f is [string, string] => !!f[1]).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${VERDICT_DATA_TOKEN} ${pairs.join(' ')}`;
}

/**
 * Reads the `key=value` data Leadlight writes beside a verdict in the CRM (a note's
 * data line, a Task's description) back into a team verdict. Anything malformed or
 * missing a required field gives null: a hand-edited record is skipped, not guessed.
 */
export function parseVerdictData(
  text: string,
  token: string,
  origin: TeamVerdictOrigin,
  fallback: { createdAt?: string; email?: string } = {},
): TeamVerdict | null {
  const at = text.indexOf(token);
  if (at < 0) return null;
  const fields = new Map<string, string>();
  for (const pair of text
    .slice(at + token.length)
    .split(/[\s<]/)
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) break;
    try {
      fields.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      return null;
    }
  }
  const kind = fields.get('kind');
  const parsed = TeamVerdictSchema.safeParse({
    id: fields.get('id'),
    email: (fields.get('contact') ?? fallback.email)?.toLowerCase(),
    verdict: fields.get('verdict'),
    ...(kind ? { kind } : {}),
    ...(fields.get('reason') ? { reasonId: fields.get('reason') } : {}),
    ...(fields.get('recycle') ? { recycleOn: fields.get('recycle') } : {}),
    author: fields.get('by'),
    createdAt: fields.get('at') ?? fallback.createdAt,
    origin,
    ...(fields.get('supersedes') ? { supersedes: fields.get('supersedes') } : {}),
  });
  return parsed.success ? parsed.data : null;
}
