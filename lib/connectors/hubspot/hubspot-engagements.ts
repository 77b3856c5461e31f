import { z } from 'zod';
import type { Touch } from '../../domain/campaign';
import { ConnectorError } from '../errors';
import { NonEmptyText, RecordReader, readEach, type FieldIssue } from '../field-reader';
import { type HubspotCall, SCOPES } from './hubspot-client';
import {
  ENGAGEMENT_PROPERTIES,
  engagementTouch,
  LABELLED_ENGAGEMENT_PROPERTIES,
  type EngagementLabelOf,
  type EngagementObject,
} from './hubspot-sales-activity';

/**
 * The contact's calls, meetings and emails. The contact read asks for their ids
 * (`associations=calls,meetings,emails`), so this costs one batch read per type the
 * contact has, at most three calls a lookup, and none for a contact nobody has called.
 */

/** Engagement types as the CRM API names them (plural), with the scope each read needs. */
const TYPES = {
  calls: { object: 'call', scope: SCOPES.contactsRead },
  meetings: { object: 'meeting', scope: SCOPES.contactsRead },
  emails: { object: 'email', scope: SCOPES.salesEmailRead },
} as const satisfies Record<string, { object: EngagementObject; scope: string }>;
export type EngagementType = keyof typeof TYPES;

/** The portal's labels of one engagement property's values (empty when they cannot be read). */
export type EngagementLabels = (type: EngagementType, property: string) => Promise<ReadonlyMap<string, string>>;
const ENGAGEMENT_TYPES = Object.keys(TYPES) as EngagementType[];

/** The `associations` query value of the contact read. */
export const ENGAGEMENT_ASSOCIATIONS = ENGAGEMENT_TYPES.join(',');

/** Engagements read per type: a batch read's limit, and far more than sit between a hand-off and its first touch. */
export const MAX_ENGAGEMENTS_PER_TYPE = 100;

export type EngagementIds = ReadonlyMap<EngagementType, readonly string[]>;

const AssociationSchema = z.object({ id: NonEmptyText });
// Ids are decimal numbers in creation order: a longer id is newer, then the larger.
const newestFirst = (a: string, b: string) => b.length - a.length || b.localeCompare(a);

/**
 * The engagement ids in the contact read's `associations` ({ calls: { results: [{ id, type }] } }),
 * one per engagement however many association labels join them. HubSpot numbers
 * records in creation order, so the highest ids are the newest: those are kept.
 */
export function associatedIds(raw: unknown, issues: FieldIssue[]): EngagementIds {
  const associations = new RecordReader('HubSpot', 'contact', raw, issues).child('associations');
  const ids = new Map<EngagementType, string[]>();
  for (const type of ENGAGEMENT_TYPES) {
    const results = associations?.child(type)?.list('results') ?? [];
    const read = readEach(results, AssociationSchema, { vendor: 'HubSpot', object: `contact.associations.${type}.results[]`, issues });
    const unique = [...new Set(read.map((a) => a.id))].sort(newestFirst);
    if (unique.length) ids.set(type, unique.slice(0, MAX_ENGAGEMENTS_PER_TYPE));
  }
  return ids;
}

/** `POST /crm/v3/objects/{type}/batch/read`; a 207 carries the records it found beside `errors` for the rest. */
const BatchSchema = z.object({ status: z.string().optional(), results: z.array(z.unknown()) });

/**
 * Reads each type's engagements and keeps what sales did. A type the app may not read
 * (403 MISSING_SCOPES) is left out, the connection is not paused, and the diagnostics
 * name the scope; any other failure fails the lookup, since "no first touch" would be
 * a false statement the rep acts on.
 */
export async function readEngagements(
  call: HubspotCall,
  ids: EngagementIds,
  email: string,
  issues: FieldIssue[],
  now: number,
  labels: EngagementLabels,
): Promise<Touch[]> {
  const touches: Touch[] = [];
  for (const [type, inputs] of ids) {
    const { object, scope } = TYPES[type];
    try {
      const batch = await call(
        {
          path: `/crm/v3/objects/${type}/batch/read`,
          method: 'POST',
          body: { properties: ENGAGEMENT_PROPERTIES[object], propertiesWithHistory: [], inputs: inputs.map((id) => ({ id })) },
          object: `${object} batch`,
          optional: true,
        },
        BatchSchema,
        scope,
      );
      const labelOf = await labelsOfBatch(type, batch.results, labels);
      for (const raw of batch.results) {
        const touch = engagementTouch(object, raw, email, issues, now, labelOf);
        if (touch) touches.push(touch);
      }
    } catch (e) {
      if (!(e instanceof ConnectorError && e.kind === 'scopes')) throw e;
      issues.push(noScope(type, e));
    }
  }
  return touches;
}

/** Labels for the shown properties this batch has values of: a definition is read only when one is used. */
async function labelsOfBatch(type: EngagementType, results: readonly unknown[], labels: EngagementLabels): Promise<EngagementLabelOf> {
  const hasValue = (raw: unknown, property: string): boolean => {
    const value = raw && typeof raw === 'object' ? (raw as { properties?: Record<string, unknown> }).properties?.[property] : undefined;
    return typeof value === 'string' && value !== '';
  };
  const maps = new Map<string, ReadonlyMap<string, string>>();
  for (const property of LABELLED_ENGAGEMENT_PROPERTIES[TYPES[type].object]) {
    if (results.some((raw) => hasValue(raw, property))) maps.set(property, await labels(type, property));
  }
  return (property, value) => maps.get(property)?.get(value) ?? value;
}

/** The diagnostics line for what a missing scope kept from being read. */
export function noScope(object: string, e: ConnectorError): FieldIssue {
  return { vendor: 'HubSpot', object, field: (e.options.scopes ?? ['a scope']).join(' or '), problem: 'no_scope' };
}
