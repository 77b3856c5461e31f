import { z } from 'zod';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import { contactByEmailPath, type HubspotCall, SCOPES } from './hubspot-client';
import { associatedIds, ENGAGEMENT_ASSOCIATIONS, noScope, type EngagementIds } from './hubspot-engagements';
import { CONTACT_PROPERTIES, HISTORY_PROPERTIES } from './hubspot-mapping';
import { readObject, type HubspotRecord } from './hubspot-read';

/** Null for not_found, which the lookups treat as "nothing to show". */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'not_found') return null;
    throw e;
  }
}

/** A refusal over a scope other than the contacts scope: only the engagement ids asked alongside can have caused it. */
const engagementsRefused = (e: ConnectorError) =>
  e.kind === 'scopes' && !(e.options.scopes ?? [SCOPES.contactsRead]).includes(SCOPES.contactsRead);

/**
 * The contact by email, with its properties, their history and the ids of its
 * calls, meetings and emails; null when HubSpot has no such contact. If the app may
 * read contacts but HubSpot refuses the engagement ids, the contact is read again
 * without them (noted): the rep still sees the contact, without sales activity.
 */
export async function getContact(
  call: HubspotCall,
  email: string,
  issues: FieldIssue[],
): Promise<{ object: HubspotRecord; engagements: EngagementIds } | null> {
  const query = { idProperty: 'email', properties: CONTACT_PROPERTIES.join(','), propertiesWithHistory: HISTORY_PROPERTIES.join(',') };
  const read = (withEngagements: boolean) =>
    orNull(
      call(
        {
          path: contactByEmailPath(email),
          query: withEngagements ? { ...query, associations: ENGAGEMENT_ASSOCIATIONS } : query,
          object: 'contact',
          ...(withEngagements ? { optional: engagementsRefused } : {}),
        },
        z.unknown(),
        SCOPES.contactsRead,
      ),
    );
  let raw: unknown;
  try {
    raw = await read(true);
  } catch (e) {
    if (!(e instanceof ConnectorError && engagementsRefused(e))) throw e;
    issues.push(noScope('contact associations', e));
    raw = await read(false);
  }
  return raw === null ? null : { object: readObject(raw, 'contact', issues), engagements: associatedIds(raw, issues) };
}
