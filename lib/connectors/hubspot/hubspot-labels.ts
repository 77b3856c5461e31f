import { z } from 'zod';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import { memo } from '../keyed-memo';
import type { LabelCache } from '../label-cache';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { readOptions } from './hubspot-read';

/** A property's option labels (value → label), and what could not be read of its definition. */
export type OptionLabels = { labels: ReadonlyMap<string, string>; issues: FieldIssue[] };

/**
 * Reads an object type's property definition for its option labels ("contacts",
 * "industry"; "calls", "hs_call_status"), once per connector and once a day through
 * `labelCache`. Labels are polish: without the schema scope, or for a property
 * the portal lacks, values show as HubSpot stores them. Issues met while reading a
 * definition belong to the lookups that use it.
 */
export function createOptionLabels(
  call: HubspotCall,
  labelCache: LabelCache,
): (objectType: string, property: string) => Promise<OptionLabels> {
  // Keyed "calls/hs_call_status": neither an object type nor a property name holds a slash.
  const read = memo(async (key: string): Promise<OptionLabels> => {
    const [objectType, property] = key.split('/') as [string, string];
    // Contact properties keep the key they were cached under before other objects had labels.
    const cacheKey = objectType === 'contacts' ? `hubspot:${property}` : `hubspot:${objectType}:${property}`;
    const cached = await labelCache.get(cacheKey);
    if (cached) return { labels: new Map(Object.entries(cached)), issues: [] };
    const issues: FieldIssue[] = [];
    try {
      const definition = await call(
        {
          path: `/crm/v3/properties/${objectType}/${encodeURIComponent(property)}`,
          object: `${objectType === 'contacts' ? '' : `${objectType} `}property ${property}`,
          optional: true,
        },
        z.unknown(),
        SCOPES.schemasRead,
      );
      const labels = readOptions(definition, property, issues);
      await labelCache.set(cacheKey, Object.fromEntries(labels));
      return { labels, issues };
    } catch (e) {
      if (e instanceof ConnectorError && (e.kind === 'scopes' || e.kind === 'not_found')) return { labels: new Map(), issues };
      throw e;
    }
  });
  return (objectType, property) => read(`${objectType}/${property}`);
}
