import { z } from 'zod';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import { memo } from '../keyed-memo';
import type { LabelCache } from '../label-cache';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { orNull } from './hubspot-contact';
import { noScope } from './hubspot-engagements';

/** The owner's name as the portal shows it, and what could not be read on the way. */
export type OwnerName = { name?: string; issues: FieldIssue[] };

/** A contact's `hubspot_owner_id` is HubSpot's numeric owner id; anything else is not asked about. */
export const isOwnerId = (value: string): boolean => /^\d{1,20}$/.test(value);

/**
 * Names a contact's owner, since an owner id means nothing to a rep and the rep's queue
 * matches owners by name. Each owner is read once per connector and once a day through
 * `labelCache` (a team has a handful of owners, so a lookup rarely makes this call). An
 * owner deactivated since is asked for again among archived owners: a lead still owned by
 * a rep who left is common, and the rep's name is what the record shows in HubSpot too.
 * An app without the owners scope, or an owner HubSpot no longer knows, leaves the owner
 * unknown and the lookup goes on; the diagnostics name the missing scope.
 */
export function createOwnerNames(call: HubspotCall, labelCache: LabelCache): (ownerId: string) => Promise<OwnerName> {
  // Read liberally: only the name and address are used, and an answer without them only leaves the owner unknown.
  const read = (ownerId: string, archived: boolean) =>
    call(
      {
        path: `/crm/v3/owners/${ownerId}`,
        query: { idProperty: 'id', archived: String(archived) },
        object: `owner ${ownerId}`,
        optional: true,
      },
      z.unknown(),
      SCOPES.ownersRead,
    );
  // Found or not found, an answer is kept; a refusal is not (memo forgets failures): the scope may be granted later.
  const named = memo(async (ownerId: string): Promise<OwnerName> => {
    const cacheKey = `hubspot:owner:${ownerId}`;
    const cached = await labelCache.get(cacheKey);
    if (cached) return { ...(cached.name ? { name: cached.name } : {}), issues: [] };
    const owner = (await orNull(read(ownerId, false))) ?? (await orNull(read(ownerId, true)));
    const issues: FieldIssue[] = [];
    const name = owner === null ? undefined : ownerName(owner);
    if (owner !== null && !name)
      issues.push({
        vendor: 'HubSpot',
        object: `owner ${ownerId}`,
        field: 'firstName',
        problem: isRecord(owner) ? 'missing' : 'unreadable',
      });
    // An owner HubSpot does not know is remembered as such for the day, as a name is.
    await labelCache.set(cacheKey, name ? { name } : {});
    return { ...(name ? { name } : {}), issues };
  });
  return async (ownerId) => {
    try {
      return await named(ownerId);
    } catch (e) {
      if (!(e instanceof ConnectorError && e.kind === 'scopes')) throw e;
      return { issues: [noScope('owners', e)] };
    }
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** "Jordan Lee", as the portal wrote it; the address when the owner has no name. */
function ownerName(owner: unknown): string | undefined {
  if (!isRecord(owner)) return undefined;
  const name = [text(owner.firstName), text(owner.lastName)].filter(Boolean).join(' ');
  return (name || text(owner.email) || undefined)?.slice(0, 200);
}
