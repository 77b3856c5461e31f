import { z } from 'zod';
import type { Touch } from '../../domain/campaign';
import type { SalesActivityType } from '../../domain/sales-activity';
import { NameText, RecordReader, ValueText, type FieldIssue } from '../field-reader';
import { happened, salesTouch } from '../sales-touch';
import { TASK_SUBJECT_PREFIX } from './feedback';
import { asWritten, picklistKey } from './mapping';
import type { LabelOf } from './picklist-labels';
import { SalesforceIdSchema, SfDateSchema, SfDateTimeSchema } from './schemas';

const VENDOR = 'Salesforce';

// Leadlight's category of a Task. TaskSubtype says how a Task was logged. A List Email is
// one message sent from a list view to up to hundreds of leads at once: a bulk send, like
// a marketing email, so it neither proves nor dates a rep's own first touch and is left out (null).
const SUBTYPES: Readonly<Record<string, SalesActivityType | null>> = {
  call: 'call',
  email: 'sales_email',
  listemail: null,
  linkedin: 'sales_activity',
  cadence: 'sales_activity',
};
// The Type picklist, for Tasks logged as plain tasks; orgs add values, which are activities all the same.
const TYPES: Readonly<Record<string, SalesActivityType>> = { call: 'call', email: 'sales_email', meeting: 'meeting' };

/** A Task's category from TaskSubtype; a plain task ("Task", or none) by its Type; anything else is a sales activity. */
function taskCategory(subtype: string | undefined, type: string | undefined): SalesActivityType | null {
  const key = picklistKey(subtype ?? '');
  if (Object.hasOwn(SUBTYPES, key)) return SUBTYPES[key] ?? null;
  return TYPES[picklistKey(type ?? '')] ?? 'sales_activity';
}

const HOUR = 3_600_000;

/**
 * Whether a UTC instant falls on a calendar day somewhere. ActivityDate is a day in
 * the rep's own time zone (UTC−12 … UTC+14), so a call logged at 17:30 in California
 * on 2 March was created on 3 March in UTC and still counts as logged that day.
 */
function onLocalDay(instant: string, day: string): boolean {
  const at = Date.parse(instant);
  const midnight = Date.parse(day);
  return at >= midnight - 14 * HOUR && at < midnight + 36 * HOUR;
}

/**
 * When a closed Task happened: its completion time; else its date, taking the
 * creation time when the Task was logged that same day (a call logged as done);
 * else when it was created.
 */
function taskDate(r: RecordReader): string | undefined {
  const completed = r.optional('CompletedDateTime', SfDateTimeSchema);
  if (completed) return completed;
  const created = r.expected('CreatedDate', SfDateTimeSchema);
  const day = r.optional('ActivityDate', SfDateSchema);
  if (day && created && onLocalDay(created, day)) return created;
  return day ?? created;
}

/** A completed Task as a touch; undefined for an open Task, a list email, Leadlight's own verdict, or one that cannot be placed (noted). */
function readTask(raw: unknown, email: string, issues: FieldIssue[], now: number, labelOf: LabelOf): Touch | undefined {
  const r = new RecordReader(VENDOR, 'Task', raw, issues);
  const id = r.expected('Id', SalesforceIdSchema);
  const subject = r.optional('Subject', NameText);
  // Leadlight files each verdict as a completed Task: a rep's verdict is no touch of the lead.
  if (!id || subject?.startsWith(TASK_SUBJECT_PREFIX)) return undefined;
  const status = r.optional('Status', ValueText);
  // The query asks for closed Tasks; a record that still says otherwise is a plan, not a touch.
  const closed = r.optional('IsClosed', z.boolean()) ?? status === 'Completed';
  if (!closed) return undefined;
  const subtype = r.optional('TaskSubtype', ValueText);
  const type = r.optional('Type', ValueText);
  const category = taskCategory(subtype, type);
  const at = taskDate(r);
  if (!category || !at || !happened(at, now)) return undefined;
  // Shown as the org labels it: its own Type picklist ("Demo") says most, else how Salesforce logged it, else what it is.
  // Categories and the closed check above read the stored values, which a relabel leaves alone.
  const shownType = type ? labelOf('Task', 'Type', type) : subtype ? labelOf('Task', 'TaskSubtype', subtype) : 'Task';
  return salesTouch({ id, email, type: shownType, category, title: subject, at, status: status && labelOf('Task', 'Status', status) });
}

/** An Event that has started as a meeting (an Event has no status, and none is made up); undefined for one still ahead or one that cannot be placed (noted). */
function readEvent(raw: unknown, email: string, issues: FieldIssue[], now: number, labelOf: LabelOf): Touch | undefined {
  const r = new RecordReader(VENDOR, 'Event', raw, issues);
  const id = r.expected('Id', SalesforceIdSchema);
  if (!id) return undefined;
  // An all-day Event has ActivityDateTime null and a StartDateTime at midnight; either dates it.
  const at = r.optional('StartDateTime', SfDateTimeSchema) ?? r.optional('ActivityDateTime', SfDateTimeSchema);
  if (!at) {
    issues.push({ vendor: VENDOR, object: 'Event', field: 'StartDateTime', problem: 'missing' });
    return undefined;
  }
  if (!happened(at, now)) return undefined;
  const type = r.optional('Type', ValueText);
  // A calendar entry is a meeting, unless the org typed it a call.
  const category = picklistKey(type ?? '') === 'call' ? 'call' : 'meeting';
  return salesTouch({
    id,
    email,
    type: type ? labelOf('Event', 'Type', type) : 'Event',
    category,
    title: r.optional('Subject', NameText),
    at,
  });
}

/** The person's Tasks and Events as sales-activity touches, their picklist values shown as the org labels them. */
export function activityTouches(
  tasks: readonly unknown[],
  events: readonly unknown[],
  email: string,
  issues: FieldIssue[],
  now: number,
  labelOf: LabelOf = asWritten,
): Touch[] {
  const read = [
    ...tasks.map((t) => readTask(t, email, issues, now, labelOf)),
    ...events.map((e) => readEvent(e, email, issues, now, labelOf)),
  ];
  return read.filter((t) => t !== undefined);
}
