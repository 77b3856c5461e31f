import { z } from 'zod';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import { memo } from '../keyed-memo';
import type { LabelCache } from '../label-cache';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { orNull } from './hubspot-contact';
import { noScope } from './hubspot-engagements';

/**
 * HubSpot's owner object (`GET /crm/v3/owners/{ownerId}`). Only the name and address
 * are read; everything else HubSpot sends (ids, teams, dates) is let through unread.
 */
const OwnerSchema = z.looseObject({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
});

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
  const read = (ownerId: string, archived: boolean) =>
    call(
      {
        path: `/crm/v3/owners/${ownerId}`,
        query: { idProperty: 'id', archived: String(archived) },
        object: `owner ${ownerId}`,
        optional: true,
      },
      OwnerSchema,
      SCOPES.ownersRead,
    );
  return memo(async (ownerId: string): Promise<OwnerName> => {
    const cacheKey = `hubspot:owner:${ownerId}`;
    const cached = await labelCache.get(cacheKey);
    if (cached) return { ...(cached.name ? { name: cached.name } : {}), issues: [] };
    const issues: FieldIssue[] = [];
    let owner: z.output<typeof OwnerSchema> | null;
    try {
      owner = await orNull(read(ownerId, false));
      owner ??= await orNull(read(ownerId, true));
    } catch (e) {
      if (!(e instanceof ConnectorError && e.kind === 'scopes')) throw e;
      // Not cached: the scope may be granted to the app later today.
      return { issues: [noScope('owners', e)] };
    }
    const name = owner ? ownerName(owner) : undefined;
    if (owner && !name) issues.push({ vendor: 'HubSpot', object: `owner ${ownerId}`, field: 'firstName', problem: 'missing' });
    // An owner HubSpot does not know is remembered as such for the day, as a name is.
    await labelCache.set(cacheKey, name ? { name } : {});
    return { ...(name ? { name } : {}), issues };
  });
}

/** "Jordan Lee", as the portal wrote it; the address when the owner has no name. */
function ownerName(owner: z.output<typeof OwnerSchema>): string | undefined {
  const name = [owner.firstName, owner.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return (name || owner.email?.trim() || undefined)?.slice(0, 200);
}
