import { z } from 'zod';
import { FieldApiNameSchema, WritableFieldSchema, type WritableField } from '../../domain/writable-field';
import { ConnectorError } from '../errors';
import type { LabelCache } from '../label-cache';
import type { SalesforceApi } from './api';

// What Leadlight reads of a describe field. An entry that does not fit is skipped
// alone: the admin then cannot pick that field, and every other field stays offered.
const DescribeFieldSchema = z.object({
  name: FieldApiNameSchema,
  label: z.string(),
  type: z.string(),
  updateable: z.boolean(),
  length: z.number().int().nonnegative().nullish(),
  picklistValues: z.array(z.unknown()).nullish(),
});
const PicklistValueSchema = z.object({ active: z.boolean(), value: z.string().min(1), label: z.string().nullish() });

// A verdict or reason is one value: a multi-select picklist would need a rule for what to keep, so it is not offered.
const FITTING = new Set(['picklist', 'string', 'textarea']);

/** The fields of an object's describe a verdict can set: updateable picklist and text fields, by label. */
export function readWritableFields(describeFields: readonly unknown[]): WritableField[] {
  const fields: WritableField[] = [];
  for (const raw of describeFields) {
    const parsed = DescribeFieldSchema.safeParse(raw);
    if (!parsed.success) continue;
    const f = parsed.data;
    // A formula or system field is never updateable.
    if (!f.updateable || !FITTING.has(f.type)) continue;
    const type = f.type as WritableField['type'];
    if (type !== 'picklist') {
      fields.push({ name: f.name, label: f.label, type, ...(f.length ? { length: f.length } : {}) });
      continue;
    }
    const values = (f.picklistValues ?? []).flatMap((entry) => {
      const v = PicklistValueSchema.safeParse(entry);
      // Salesforce refuses an inactive value on write: it is never offered.
      return v.success && v.data.active ? [{ value: v.data.value, label: v.data.label || v.data.value }] : [];
    });
    fields.push({ name: f.name, label: f.label, type, values });
  }
  return fields.sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}

// Kept in the label cache (string values) as JSON: its day-long lifetime and storage fit describe results too.
const CachedSchema = z.object({ fields: z.string() });

function fromCache(entry: Record<string, string> | undefined): WritableField[] | undefined {
  const row = CachedSchema.safeParse(entry);
  if (!row.success) return undefined;
  try {
    const fields = z.array(WritableFieldSchema).safeParse(JSON.parse(row.data.fields));
    return fields.success ? fields.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the fields through `cache` (a day, like picklist labels), or from the org
 * when `fresh`: an admin who just added a field in Salesforce reloads the list.
 */
export async function loadWritableFields(
  api: SalesforceApi,
  cache: LabelCache,
  object: 'Lead' | 'Contact',
  fresh: boolean,
): Promise<WritableField[]> {
  const key = `salesforce:writable:${object}`;
  const cached = fresh ? undefined : fromCache(await cache.get(key));
  if (cached) return cached;
  let described: unknown[];
  try {
    described = await api.describeFields(object);
  } catch (e) {
    if (!(e instanceof ConnectorError)) throw e;
    const why = e.kind === 'scopes' ? `your Salesforce user may not describe ${object}s (${e.message})` : e.message;
    throw new ConnectorError(e.kind, `Leadlight could not read the ${object} fields from Salesforce: ${why}`, e.options);
  }
  const fields = readWritableFields(described);
  await cache.set(key, { fields: JSON.stringify(fields) });
  return fields;
}
