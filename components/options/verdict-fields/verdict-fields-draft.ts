import type { WritableField } from '@/lib/domain/writable-field';
import type { ObjectVerdictFields, VerdictOutcome } from '@/lib/settings/salesforce-verdict-fields';

export type VerdictObject = 'Lead' | 'Contact';

/** The values a verdict field takes, in the order the page offers them. */
export const OUTCOMES: { id: VerdictOutcome; label: string }[] = [
  { id: 'good', label: 'Good lead' },
  { id: 'bad', label: 'Bad lead' },
  { id: 'accepted', label: 'Hand-off accepted' },
  { id: 'rejected', label: 'Hand-off rejected' },
];

/** A field as the page names it: the org's label and its API name. */
export function fieldName(field: WritableField): string {
  return `${field.label} (${field.name})`;
}

/** A new verdict field starts with every value "leave unchanged": values picked for another field mean nothing here. */
export function withVerdictField(mapping: ObjectVerdictFields, field: WritableField | undefined): ObjectVerdictFields {
  const { verdict: _, ...rest } = mapping;
  if (!field) return rest;
  return {
    ...rest,
    verdict: { field: field.name, values: {}, ...(field.type !== 'picklist' && field.length ? { length: field.length } : {}) },
  };
}

/** One verdict value; empty means leave the field unchanged. */
export function withOutcome(mapping: ObjectVerdictFields, outcome: VerdictOutcome, value: string): ObjectVerdictFields {
  if (!mapping.verdict) return mapping;
  const { [outcome]: _, ...values } = mapping.verdict.values;
  return { ...mapping, verdict: { ...mapping.verdict, values: value.trim() ? { ...values, [outcome]: value } : values } };
}

export function withReasonField(mapping: ObjectVerdictFields, field: WritableField | undefined): ObjectVerdictFields {
  const { reason: _, ...rest } = mapping;
  if (!field) return rest;
  if (field.type === 'picklist') return { ...rest, reason: { field: field.name, kind: 'picklist', values: {} } };
  return { ...rest, reason: { field: field.name, kind: 'text', ...(field.length ? { length: field.length } : {}) } };
}

/** One team reason mapped to a picklist value; empty leaves it unmapped. */
export function withReasonValue(mapping: ObjectVerdictFields, reasonId: string, value: string): ObjectVerdictFields {
  if (mapping.reason?.kind !== 'picklist') return mapping;
  const { [reasonId]: _, ...values } = mapping.reason.values;
  return { ...mapping, reason: { ...mapping.reason, values: value ? { ...values, [reasonId]: value } : values } };
}

/**
 * What no longer fits the org, said for the admin: a saved field the describe does
 * not offer (deleted, or not editable by this user), or a saved picklist value that
 * is no longer active. Salesforce would refuse these, and the verdict's Task alone would be written.
 */
export function mappingProblems(object: VerdictObject, mapping: ObjectVerdictFields, fields: readonly WritableField[]): string[] {
  const problems: string[] = [];
  const check = (name: string, values: string[]) => {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      problems.push(`The ${object} field ${name} is not in Salesforce any more, or your user may not edit it. Pick another field or none.`);
      return;
    }
    if (field.type !== 'picklist') return;
    for (const value of new Set(values)) {
      if (!field.values?.some((v) => v.value === value))
        problems.push(`“${value}” is not an active value of ${fieldName(field)}. Pick another value.`);
    }
  };
  if (mapping.verdict)
    check(
      mapping.verdict.field,
      Object.values(mapping.verdict.values).filter((v): v is string => !!v),
    );
  if (mapping.reason) check(mapping.reason.field, mapping.reason.kind === 'picklist' ? Object.values(mapping.reason.values) : []);
  return problems;
}
