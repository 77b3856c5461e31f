import { z } from 'zod';
import type { FieldIssue } from '../field-reader';
import type { LabelCache } from '../label-cache';
import type { SalesforceApi } from './api';

/** The picklists Leadlight shows, per object: their labels come from the org's describe. */
export const LABELLED_FIELDS = {
  Lead: ['LeadSource', 'Status', 'Industry'],
  Contact: ['LeadSource'],
  // A Contact's industry is its Account's.
  Account: ['Industry'],
  Campaign: ['Type', 'Status'],
  // Tasks and Events share the Activity Type picklist, which orgs extend ("Demo") and relabel.
  Task: ['Type', 'TaskSubtype', 'Status'],
  Event: ['Type'],
} as const;
export type LabelledObject = keyof typeof LABELLED_FIELDS;

/** Value → label for one object's shown picklists, keyed "Field.value". */
export type PicklistLabels = ReadonlyMap<string, string>;
/** The org's label for a picklist value, or the value itself when the org has none to give. */
export type LabelOf = (object: LabelledObject, field: string, value: string) => string;

// Only what Leadlight reads of /sobjects/{object}/describe; a field without picklist values is skipped,
// and an odd field or picklist entry is skipped alone (its value then shows as the org stores it, and
// the lookup that read the describe lists the field in diagnostics).
const DescribeFieldSchema = z.object({ name: z.string(), picklistValues: z.array(z.unknown()).nullish() });
const PicklistValueSchema = z.object({ value: z.string(), label: z.string().nullish() });

/**
 * Reads each object's describe at most once a day (through `cache`). Labels are
 * polish: if the describe cannot be read, values show as the org stores them and
 * the lookup goes on.
 */
export function createPicklistLabels(api: SalesforceApi, cache: LabelCache) {
  type Loaded = { labels: PicklistLabels; issues: FieldIssue[] };
  const loaded = new Map<LabelledObject, Promise<Loaded>>();
  async function load(object: LabelledObject): Promise<Loaded> {
    const key = `salesforce:${object}`;
    const cached = await cache.get(key);
    if (cached) return { labels: new Map(Object.entries(cached)), issues: [] };
    const fields = await api.describeFields(object);
    const wanted = new Set<string>(LABELLED_FIELDS[object]);
    const labels: Record<string, string> = {};
    const issues: FieldIssue[] = [];
    for (const raw of fields) {
      const field = DescribeFieldSchema.safeParse(raw);
      if (!field.success || !wanted.has(field.data.name)) continue;
      const named = `${field.data.name} picklist values`;
      for (const entry of field.data.picklistValues ?? []) {
        const v = PicklistValueSchema.safeParse(entry);
        if (v.success && v.data.label) labels[`${field.data.name}.${v.data.value}`] = v.data.label;
        else if (!v.success && !issues.some((i) => i.field === named)) {
          issues.push({ vendor: 'Salesforce', object, field: named, problem: 'unreadable' });
        }
      }
    }
    await cache.set(key, labels);
    return { labels: new Map(Object.entries(labels)), issues };
  }
  /** `issues` hears of describe entries that could not be read, once: from the lookup that read the describe. */
  return async (objects: readonly LabelledObject[], issues?: FieldIssue[]): Promise<LabelOf> => {
    const maps = new Map<LabelledObject, PicklistLabels>();
    for (const object of objects) {
      let pending = loaded.get(object);
      const first = !pending;
      if (!pending) {
        pending = load(object).catch(() => ({ labels: new Map<string, string>(), issues: [] }));
        loaded.set(object, pending);
        // A failure is forgotten once this lookup has its answer, so a later lookup asks again.
        void pending.then((m) => m.labels.size === 0 && loaded.delete(object));
      }
      const read = await pending;
      if (first) issues?.push(...read.issues);
      maps.set(object, read.labels);
    }
    return (object, field, value) => maps.get(object)?.get(`${field}.${value}`) ?? value;
  };
}
