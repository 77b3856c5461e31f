import { z } from 'zod';

/** A Salesforce field API name (Status, Lead_Quality__c): also what keeps it safe inside a PATCH body and SOQL. */
export const FieldApiNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'A field API name such as Lead_Quality__c');

/**
 * A CRM field a verdict may set, as the org describes it: its API name and label,
 * and what it takes. A picklist lists its active values (stored by value, shown by
 * label); a text field its length. The options page offers these to the admin.
 */
export const WritableFieldSchema = z.object({
  name: z.string().min(1).max(80),
  label: z.string().max(200),
  type: z.enum(['picklist', 'string', 'textarea']),
  /** Characters a text field holds. */
  length: z.number().int().nonnegative().optional(),
  /** A picklist's active values, in the org's order. */
  values: z.array(z.object({ value: z.string().min(1), label: z.string() })).optional(),
});
export type WritableField = z.infer<typeof WritableFieldSchema>;
