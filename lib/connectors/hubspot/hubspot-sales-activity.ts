import { z } from 'zod';
import type { Touch } from '../../domain/campaign';
import type { SalesActivityType } from '../../domain/sales-activity';
import { NonEmptyText, RecordReader, TextValue, type FieldIssue } from '../field-reader';
import { happened, salesTouch } from '../sales-touch';
import { isoDate } from './hubspot-mapping';
import type { HubspotRecord } from './hubspot-read';

const VENDOR = 'HubSpot';

/**
 * How each engagement type becomes a sales activity: Leadlight's category, HubSpot's name for the
 * record, the property holding the type the portal gave it, the title, the properties that date it
 * (first found wins), and its outcome.
 */
type Kind = { category: SalesActivityType; name: string; type?: string; title: string; dates: readonly string[]; status: string };
const KINDS = {
  // hs_activity_type is the "call and meeting type" a portal defines for itself ("Discovery", "Demo"); often unset.
  call: {
    category: 'call',
    name: 'Call',
    type: 'hs_activity_type',
    title: 'hs_call_title',
    dates: ['hs_timestamp'],
    status: 'hs_call_status',
  },
  meeting: {
    category: 'meeting',
    name: 'Meeting',
    type: 'hs_activity_type',
    title: 'hs_meeting_title',
    dates: ['hs_meeting_start_time', 'hs_timestamp'],
    status: 'hs_meeting_outcome',
  },
  email: { category: 'sales_email', name: 'Email', title: 'hs_email_subject', dates: ['hs_timestamp'], status: 'hs_email_status' },
} as const satisfies Record<string, Kind>;

/** The properties a batch read asks for, per engagement type. */
export const ENGAGEMENT_PROPERTIES: Readonly<Record<EngagementObject, readonly string[]>> = {
  call: ['hs_timestamp', 'hs_call_title', 'hs_call_direction', 'hs_call_status', 'hs_activity_type'],
  meeting: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_start_time', 'hs_meeting_outcome', 'hs_activity_type'],
  email: ['hs_timestamp', 'hs_email_subject', 'hs_email_direction', 'hs_email_status'],
};
export type EngagementObject = keyof typeof KINDS;

/**
 * The enumerations shown, per engagement type: their values are internal ("NO_ANSWER"), and
 * the portal's property definition labels them ("No answer"; its own call types as it named them).
 */
export const LABELLED_ENGAGEMENT_PROPERTIES: Readonly<Record<EngagementObject, readonly string[]>> = {
  call: ['hs_activity_type', 'hs_call_status'],
  meeting: ['hs_activity_type', 'hs_meeting_outcome'],
  email: ['hs_email_status'],
};

/** A property value as the portal labels it, or as stored when it has no label for it. */
export type EngagementLabelOf = (property: string, value: string) => string;

/**
 * Statuses that mean no touch happened (HubSpot's documented values; compared in upper
 * case). A call still QUEUED, CONNECTING, RINGING, IN_PROGRESS or CALLING_CRM_USER is not
 * done yet, and a FAILED or CANCELED one never reached out; COMPLETED, NO_ANSWER and BUSY
 * are attempts that did. An email only counts once sent: FAILED, SCHEDULED and SENDING
 * have not reached anyone, while a BOUNCED one was sent, and sales reaching for the lead
 * is what the SLA measures, as a call nobody answered counts. A CANCELED meeting never
 * happened; a NO_SHOW one had sales there. A missing status counts, as before: older
 * engagements and many logged by hand carry none.
 */
const NO_TOUCH: Readonly<Record<EngagementObject, ReadonlySet<string>>> = {
  call: new Set(['QUEUED', 'CONNECTING', 'RINGING', 'IN_PROGRESS', 'CALLING_CRM_USER', 'FAILED', 'CANCELED']),
  meeting: new Set(['CANCELED']),
  email: new Set(['FAILED', 'SCHEDULED', 'SENDING']),
};

/**
 * Whether sales made this contact, by what HubSpot says of it. A call the contact
 * made that nobody answered is theirs, not sales'; an answered one is a conversation
 * all the same. Only an outgoing email (direction EMAIL) is sales writing: an
 * incoming reply or a forward is the contact's. A status in NO_TOUCH is no touch.
 */
function bySales(object: EngagementObject, props: Readonly<Record<string, string | undefined>>, note: (field: string) => void): boolean {
  const status = props[KINDS[object].status]?.toUpperCase();
  if (status && NO_TOUCH[object].has(status)) return false;
  if (object === 'call') return props.hs_call_direction !== 'INBOUND' || status === 'COMPLETED';
  if (object !== 'email') return true;
  // Without the direction nobody can tell who wrote it (HubSpot withholds email details from apps without sales-email-read).
  if (!props.hs_email_direction) note('hs_email_direction');
  return props.hs_email_direction === 'EMAIL';
}

/**
 * One call, meeting or email from a batch read, as a sales touch; undefined when
 * it was not sales making contact, is still ahead, or cannot be placed (noted).
 * Without its date property it is dated by when it was logged (createdAt), noted.
 */
export function engagementTouch(
  object: EngagementObject,
  raw: unknown,
  email: string,
  issues: FieldIssue[],
  now: number,
  labelOf: EngagementLabelOf,
): Touch | undefined {
  const r = new RecordReader(VENDOR, object, raw, issues);
  const id = r.expected('id', NonEmptyText);
  const p = r.child('properties');
  const kind: Kind = KINDS[object];
  const props: Record<string, string | undefined> = {};
  for (const name of [kind.title, kind.status, ...kind.dates, ...(kind.type ? [kind.type] : []), 'hs_call_direction', 'hs_email_direction'])
    props[name] = p?.optional(name, TextValue) || undefined;
  const note = (field: string, problem: FieldIssue['problem'] = 'missing') =>
    issues.push({ vendor: VENDOR, object, field: `properties.${field}`, problem });
  if (!id || !bySales(object, props, note)) return undefined;
  let at: string | undefined;
  for (const name of kind.dates) {
    at = isoDate(props[name]);
    if (at) break;
    if (props[name]) note(name, 'unreadable');
  }
  if (!at) {
    if (!kind.dates.some((d) => props[d])) note(kind.dates.at(-1) ?? 'hs_timestamp');
    at = isoDate(r.optional('createdAt', z.string()));
  }
  if (!at || !happened(at, now)) return undefined;
  // Which engagements count was decided on the stored values above; what is shown is the portal's label.
  const ownType = kind.type && props[kind.type];
  const status = props[kind.status];
  return salesTouch({
    id: `hubspot-${object}-${id}`,
    email,
    type: kind.type && ownType ? labelOf(kind.type, ownType) : kind.name,
    category: kind.category,
    title: props[kind.title],
    at,
    status: status && labelOf(kind.status, status),
  });
}

// HubSpot stamps the first engagement from the engagement's own timestamp; a minute absorbs any rounding.
const SAME_ENGAGEMENT_MS = 60_000;

/**
 * What the contact record itself says of sales activity, for portals whose engagements
 * cannot be read: "Last contacted" (notes_last_contacted) proves a touch without dating
 * the first, and "first engagement" (hs_sa_first_engagement_date) dates one. The latter
 * is left out when an engagement read in this lookup has that same time, so one call
 * is not counted twice; one outside what was read (older than the bound, or of a type
 * the app may not read) still counts. No activity type comes with these dates: each
 * is named after the property it comes from.
 */
export function contactActivityTouches(contact: HubspotRecord, email: string, engaged: readonly Touch[], issues: FieldIssue[]): Touch[] {
  const date = (name: string) => {
    const value = contact.properties[name];
    const at = isoDate(value);
    if (value && !at) issues.push({ vendor: VENDOR, object: 'contact', field: `properties.${name}`, problem: 'unreadable' });
    return at;
  };
  const touches: Touch[] = [];
  const last = date('notes_last_contacted');
  if (last)
    touches.push(
      salesTouch({ id: `hubspot-last-contacted-${contact.id}`, email, type: 'Last contacted', category: 'last_activity', at: last }),
    );
  const first = date('hs_sa_first_engagement_date');
  const known = first && engaged.some((t) => Math.abs(Date.parse(t.date) - Date.parse(first)) < SAME_ENGAGEMENT_MS);
  if (first && !known)
    touches.push(
      salesTouch({ id: `hubspot-first-engagement-${contact.id}`, email, type: 'First engagement', category: 'sales_activity', at: first }),
    );
  return touches;
}
