import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import type { LabelCache } from '../label-cache';

/**
 * The Tasks and Events a lookup reads beside the Lead or Contact, as subqueries of
 * the same SOQL, so reading sales activity costs no extra call. Salesforce refuses
 * a whole query that names a field the user's profile may not see (INVALID_FIELD),
 * so a field it refuses is remembered for a day and left out of later queries: its
 * value is then unknown on every activity, and the rest still reads.
 */

export type ActivityObject = 'Task' | 'Event';

// Fields that can go missing one by one; Id, IsClosed and CreatedDate carry the query (filter, order), so without them
// the relationship is left out whole.
const OPTIONAL: Readonly<Record<ActivityObject, readonly string[]>> = {
  Task: ['Subject', 'Type', 'TaskSubtype', 'Status', 'ActivityDate', 'CompletedDateTime'],
  Event: ['Subject', 'Type', 'StartDateTime', 'ActivityDateTime'],
};

/**
 * The person's own fields a profile may hide the same way. Its identity (Id, Email, the
 * name) and what the query filters and orders on stay: without them there is no person.
 */
export const PERSON_OPTIONAL = {
  Lead: ['Title', 'Company', 'Industry', 'NumberOfEmployees', 'LeadSource', 'Status'],
  Contact: ['Title', 'Department', 'LeadSource'],
  Account: ['Name', 'Industry', 'NumberOfEmployees', 'Type'],
} as const;
type PersonObject = keyof typeof PERSON_OPTIONAL;

/** `object`'s optional fields the org does not hide, as the SELECT list names them (`prefix.` for a parent). */
export function visibleFields(object: PersonObject, hidden: HiddenFields, prefix = ''): string[] {
  return PERSON_OPTIONAL[object].filter((f) => !hidden.has(`${object}.${f}`)).map((f) => `${prefix}${f}`);
}
const RELATIONSHIP: Readonly<Record<ActivityObject, string>> = { Task: 'Tasks', Event: 'Events' };

/**
 * Activities read per person, newest first: enough to find the first touch after any
 * recent hand-off, bounded so a customer with years of logged calls stays one page.
 */
export const MAX_ACTIVITIES = 100;

/** Keys of what the org hides: "Task.CompletedDateTime" or "Lead.Industry" for one field, "Task" for the whole relationship. */
export type HiddenFields = ReadonlySet<string>;

function subquery(object: ActivityObject, hidden: HiddenFields): string | undefined {
  if (hidden.has(object)) return undefined;
  const fields = [
    'Id',
    ...OPTIONAL[object].filter((f) => !hidden.has(`${object}.${f}`)),
    ...(object === 'Task' ? ['IsClosed'] : []),
    'CreatedDate',
  ];
  // An open Task is a plan, not a touch; closed ones are all the SLA can use, so only they fill the bound.
  const where = object === 'Task' ? ' WHERE IsClosed = true' : '';
  return `(SELECT ${fields.join(', ')} FROM ${RELATIONSHIP[object]}${where} ORDER BY CreatedDate DESC LIMIT ${MAX_ACTIVITIES})`;
}

/** ", (SELECT … FROM Tasks …), (SELECT … FROM Events …)" without what the org hides. */
export function activitySubqueries(hidden: HiddenFields): string {
  const parts = (['Task', 'Event'] as const).map((o) => subquery(o, hidden)).filter((s) => s !== undefined);
  return parts.map((p) => `, ${p}`).join('');
}

/** The key of the optional field (or activity relationship) a refused query names; undefined for any other refusal. */
export function refusedField(error: unknown): string | undefined {
  if (!(error instanceof ConnectorError) || error.kind !== 'client') return undefined;
  const detail = error.options.detail ?? '';
  const column = /No such column '(\w+)' on entity '(Task|Event|Lead|Contact|Account)'/.exec(detail);
  if (column) {
    const [, field = '', object = 'Task'] = column;
    if (object in PERSON_OPTIONAL)
      return (PERSON_OPTIONAL[object as PersonObject] as readonly string[]).includes(field) ? `${object}.${field}` : undefined;
    return OPTIONAL[object as ActivityObject].includes(field) ? `${object}.${field}` : object;
  }
  const relationship = /Didn't understand relationship '(Tasks|Events)'/.exec(detail)?.[1];
  return relationship && (relationship === 'Tasks' ? 'Task' : 'Event');
}

/** What the diagnostics list says of each hidden key, for the person (Lead or Contact) whose query left it out. */
export function hiddenIssues(hidden: HiddenFields, person: 'Lead' | 'Contact'): FieldIssue[] {
  // A Contact's hidden fields are no news on a Lead, nor a Lead's on a Contact.
  const others: readonly string[] = person === 'Lead' ? ['Contact', 'Account'] : ['Lead'];
  return [...hidden]
    .filter((key) => !others.includes(key.split('.')[0] ?? ''))
    .map((key) => {
      const [object = '', field] = key.split('.');
      return field
        ? { vendor: 'Salesforce', object, field, problem: 'missing' }
        : { vendor: 'Salesforce', object: person, field: RELATIONSHIP[object as ActivityObject], problem: 'unreadable' };
    });
}

const KEY = 'salesforce:hidden-activity-fields';

/** The hidden fields learnt so far, kept a day (an admin who grants a field sees it read again by tomorrow). */
export function hiddenActivityFields(cache: LabelCache) {
  return {
    load: async (): Promise<Set<string>> => new Set(Object.keys((await cache.get(KEY)) ?? {})),
    save: (hidden: HiddenFields) => cache.set(KEY, Object.fromEntries([...hidden].map((k) => [k, 'hidden']))),
  };
}
