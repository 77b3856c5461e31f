import { z } from 'zod';
import type { LabelCache } from '../label-cache';
import type { SalesforceApi } from './api';

/** The picklists Leadlight shows, per object: their labels come from the org's describe. */
export const LABELLED_FIELDS = {
  Lead: ['LeadSource', 'Status', 'Industry'],
  Contact: ['LeadSource'],
  Campaign: ['Type', 'Status'],
} as const;
export type LabelledObject = keyof typeof LABELLED_FIELDS;

/** Value → label for one object's shown picklists, keyed "Field.value". */
export type PicklistLabels = ReadonlyMap<string, string>;
/** The org's label for a picklist value, or the value itself when the org has none to give. */
export type LabelOf = (object: LabelledObject, field: string, value: string) => string;

// Only what Leadlight reads of /sobjects/{object}/describe; a field without picklist values is skipped,
// and an odd field or picklist entry is skipped alone (its value then shows as the org stores it).
const DescribeFieldSchema = z.object({ name: z.string(), picklistValues: z.array(z.unknown()).nullish() });
const PicklistValueSchema = z.object({ value: z.string(), label: z.string().nullish() });

/**
 * Reads each object's describe at most once a day (through `cache`). Labels are
 * polish: if the describe cannot be read, values show as the org stores them and
 * the lookup goes on.
 */
export function createPicklistLabels(api: SalesforceApi, cache: LabelCache) {
  const loaded = new Map<LabelledObject, Promise<PicklistLabels>>();
  async function load(object: LabelledObject): Promise<PicklistLabels> {
    const key = `salesforce:${object}`;
    const cached = await cache.get(key);
    if (cached) return new Map(Object.entries(cached));
    const fields = await api.describeFields(object);
    const wanted = new Set<string>(LABELLED_FIELDS[object]);
    const labels: Record<string, string> = {};
    for (const raw of fields) {
      const field = DescribeFieldSchema.safeParse(raw);
      if (!field.success || !wanted.has(field.data.name)) continue;
      for (const entry of field.data.picklistValues ?? []) {
        const v = PicklistValueSchema.safeParse(entry);
        if (v.success && v.data.label) labels[`${field.data.name}.${v.data.value}`] = v.data.label;
      }
    }
    await cache.set(key, labels);
    return new Map(Object.entries(labels));
  }
  return async (objects: readonly LabelledObject[]): Promise<LabelOf> => {
    const maps = new Map<LabelledObject, PicklistLabels>();
    for (const object of objects) {
      let pending = loaded.get(object);
      if (!pending) {
        pending = load(object).catch(() => new Map<string, string>());
        loaded.set(object, pending);
        // A failure is forgotten once this lookup has its answer, so a later lookup asks again.
        void pending.then((m) => m.size === 0 && loaded.delete(object));
      }
      maps.set(object, await pending);
    }
    return (object, field, value) => maps.get(object)?.get(`${field}.${value}`) ?? value;
  };
}
