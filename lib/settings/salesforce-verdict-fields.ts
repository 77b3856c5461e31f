import { z } from 'zod';
import { FieldApiNameSchema } from '../domain/writable-field';

/**
 * What a verdict says, one key per value an admin maps: a lead-quality verdict
 * (good, bad) or a hand-off decision (accepted, rejected).
 */
export const VERDICT_OUTCOMES = ['good', 'bad', 'accepted', 'rejected'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

// A picklist value is stored as its API value (Salesforce allows 255 characters), text as the admin typed it.
const FieldValueSchema = z.string().trim().min(1, 'Leave the value out rather than empty').max(255);
// Salesforce's longest text field (Long Text Area); a field's own length comes from its describe.
const FieldLengthSchema = z.number().int().min(1).max(131_072);

/** The field that receives the verdict: a value per outcome, and an outcome left out leaves the field as it is. */
export const VerdictFieldSchema = z
  .object({
    field: FieldApiNameSchema,
    values: z.object({
      good: FieldValueSchema.optional(),
      bad: FieldValueSchema.optional(),
      accepted: FieldValueSchema.optional(),
      rejected: FieldValueSchema.optional(),
    }),
    /** A text field's length: values typed for it must fit. */
    length: FieldLengthSchema.optional(),
  })
  .refine((f) => !f.length || Object.values(f.values).every((v) => !v || v.length <= f.length!), {
    message: 'A value is longer than the field holds',
    path: ['values'],
  });

/**
 * The field that receives the reason. A picklist gets the value the admin mapped to
 * each of the team's reasons (a reason left unmapped leaves the field as it is); a
 * text field gets the reason's label as the team wrote it, cut to the field's length.
 */
export const ReasonFieldSchema = z.discriminatedUnion('kind', [
  z.object({ field: FieldApiNameSchema, kind: z.literal('picklist'), values: z.record(z.string().min(1).max(100), FieldValueSchema) }),
  z.object({ field: FieldApiNameSchema, kind: z.literal('text'), length: FieldLengthSchema.optional() }),
]);

export const ObjectVerdictFieldsSchema = z
  .object({ verdict: VerdictFieldSchema.optional(), reason: ReasonFieldSchema.optional() })
  .refine((m) => !m.verdict || !m.reason || m.verdict.field !== m.reason.field, {
    message: 'The verdict and the reason need different fields',
    path: ['reason'],
  });
export type ObjectVerdictFields = z.infer<typeof ObjectVerdictFieldsSchema>;

/** Per object, the fields a verdict sets beside its Task; an object left out gets the Task only. */
export const SalesforceVerdictFieldsSchema = z.object({
  Lead: ObjectVerdictFieldsSchema.optional(),
  Contact: ObjectVerdictFieldsSchema.optional(),
});
export type SalesforceVerdictFields = z.infer<typeof SalesforceVerdictFieldsSchema>;
