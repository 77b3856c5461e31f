import { isLateDelivery, mayHaveBeenWritten, type Feedback } from '../../domain/feedback';
import { FEEDBACK_REASONS } from '../../domain/feedback-reasons';
import type { ReasonDefinition } from '../../domain/reason-definition';
import { parseVerdictData, VERDICT_DATA_TOKEN, verdictDataLine, verdictWords } from '../../domain/verdict-record';
import type { SalesforceVerdictFields } from '../../settings/salesforce-verdict-fields';
import type { Delivery } from '../connector';
import { ConnectorError } from '../errors';
import { teamReasonLabel } from '../reason-label';
import type { SalesforceApi } from './api';
import { CreateResultSchema, IdRecordSchema, TaskRecordSchema } from './schemas';
import { markedTaskQuery, personIdQuery } from './soql';
import { setVerdictFields } from './verdict-field-write';
import { verdictFieldValues } from './verdict-values';

const ID_LINE = 'Leadlight feedback id:';

/** The tag in a Task Subject that finds it again: Subject is filterable in SOQL, Description is not. */
export function feedbackMarker(feedbackId: string): string {
  return `[LL-${feedbackId.slice(0, 8)}]`;
}

/** Every Leadlight verdict Task's Subject starts so: the team report's SOQL and the sales-activity read both filter on it. */
export const TASK_SUBJECT_PREFIX = 'Lead feedback:';

/** Salesforce refuses a Task Subject longer than this. */
export const TASK_SUBJECT_MAX = 255;

/**
 * "Lead feedback: Bad lead – No budget [LL-1a2b3c4d]": fixed and parseable, and groupable
 * in a Salesforce report; the reason as the team labels it. The label is what gets cut
 * to fit Salesforce's limit, so the prefix the team report filters on and the marker a
 * retry searches for (and team.ts reads up to) stay whole; it is kept on one line for the same reason.
 */
export function taskSubject(feedback: Feedback, reasons: readonly ReasonDefinition[] = FEEDBACK_REASONS): string {
  const head = `${TASK_SUBJECT_PREFIX} ${verdictWords(feedback)}`;
  const tail = ` ${feedbackMarker(feedback.id)}`;
  const reason = teamReasonLabel(feedback.reasonId, reasons).replace(/\s+/g, ' ').trim();
  if (!reason) return `${head}${tail}`;
  const room = TASK_SUBJECT_MAX - head.length - ' – '.length - tail.length;
  return `${head} – ${cut(reason, room)}${tail}`;
}

/** `text` in at most `room` UTF-16 units, ending in an ellipsis when cut; never half a surrogate pair. */
function cut(text: string, room: number): string {
  if (text.length <= room) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > room - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** The rep's note, who gave it, the full feedback id that confirms a marker match, and the verdict as data for the team report. */
export function taskDescription(feedback: Feedback): string {
  const lines = [`From: ${feedback.author || 'unknown'} (via Leadlight)`, `${ID_LINE} ${feedback.id}`, verdictDataLine(feedback)];
  return feedback.note?.trim() ? `${feedback.note.trim()}\n\n${lines.join('\n')}` : lines.join('\n');
}

/** The Lead or Contact feedback is filed on: the record fetchContact shows for this email. */
async function findPerson(api: SalesforceApi, email: string): Promise<{ object: 'Lead' | 'Contact'; id: string }> {
  for (const object of ['Lead', 'Contact'] as const) {
    const [record] = await api.query(personIdQuery(object, email), IdRecordSchema);
    if (record) return { object, id: record.Id };
  }
  throw new ConnectorError('not_found', `Salesforce has no lead or contact with the address ${email}.`);
}

/** A Task holding another verdict on this person given after this one. */
function newerVerdict(description: string | null | undefined, feedback: Feedback): boolean {
  const other = parseVerdictData(description ?? '', VERDICT_DATA_TOKEN, 'salesforce');
  return !!other && other.id !== feedback.id && Date.parse(other.createdAt) > Date.parse(feedback.createdAt);
}

/** What a verdict sets beside its Task: the admin's field mapping, and the team's reasons for a text reason field. */
export type VerdictFieldOptions = {
  mapping?: SalesforceVerdictFields;
  reasons?: () => Promise<readonly ReasonDefinition[]>;
};

/**
 * Files a verdict as a completed Task on the person, at most once per feedback id:
 * an earlier attempt may have created the Task before its answer was lost, so a
 * retry searches for the marker first. A first delivery takes two calls, and one
 * more when the admin mapped fields for this verdict: they are set on every attempt
 * (PATCH sets the same values again) so a retry also finishes a field write that failed.
 * A retry, or a late first delivery that sets fields, searches first (one more call)
 * and leaves the fields to a newer verdict it finds.
 */
export async function deliverSalesforceFeedback(
  api: SalesforceApi,
  feedback: Feedback,
  fields: VerdictFieldOptions = {},
  now: () => number = Date.now,
): Promise<Delivery> {
  const person = await findPerson(api, feedback.email);
  const mapping = fields.mapping?.[person.object];
  // The team's labels, for the Subject and a text reason field: a reason the team added or renamed reads as the team wrote it.
  const reasons = feedback.reasonId && fields.reasons ? await fields.reasons() : FEEDBACK_REASONS;
  const values = verdictFieldValues(mapping, feedback, reasons);
  const setsFields = Object.keys(values).length > 0;
  // Only a retry can find a Task an earlier attempt wrote (the outbox counts the attempt before delivering).
  const retry = mayHaveBeenWritten(feedback);
  const late = setsFields && isLateDelivery(feedback, now());
  const marker = feedbackMarker(feedback.id);
  const found =
    retry || late ? await api.query(markedTaskQuery(person.id, marker, feedback.createdAt, TASK_SUBJECT_PREFIX), TaskRecordSchema) : [];
  // LIKE ignores case; so does this.
  const marked = found.filter((t) => t.Subject?.toLowerCase().includes(marker.toLowerCase()));
  // Eight characters can collide; the full id in Description decides, unless a user edited that line away.
  const existing = marked.find((t) => t.Description?.includes(feedback.id)) ?? marked.find((t) => !t.Description?.includes(ID_LINE));
  let remoteId = existing?.Id;
  if (!remoteId) {
    const created = await api.create(
      'Task',
      {
        WhoId: person.id,
        Subject: taskSubject(feedback, reasons),
        Description: taskDescription(feedback),
        Status: 'Completed',
        Priority: 'Normal',
        ActivityDate: new Date(feedback.createdAt).toISOString().slice(0, 10),
      },
      CreateResultSchema,
    );
    if (!created.success)
      throw new ConnectorError('client', 'Salesforce did not save the feedback task.', { detail: JSON.stringify(created.errors) });
    remoteId = created.id;
  }
  // A delivery late enough for a newer verdict to have set the fields leaves them to it.
  if (!setsFields || found.some((t) => newerVerdict(t.Description, feedback))) return { remoteId };
  const problem = await setVerdictFields(api, person, values, feedback.attempts);
  return problem ? { remoteId, ...problem } : { remoteId };
}
