import { z } from 'zod';

// Shapes of the REST API answers Leadlight reads. Fields the query did not select,
// or that field-level security hides, come back null, so nearly everything is nullish.

/** A 15- or 18-character record Id; also what makes Ids safe inside SOQL and URL paths. */
export const SalesforceIdSchema = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/);

/** Salesforce writes date-times as 2026-01-10T10:00:00.000+0000; Leadlight stores ISO with Z. */
export const SfDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/)
  .transform((v, ctx) => {
    const date = new Date(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    // Shaped like a date-time yet no date (month 13): refused like any malformed value, never thrown.
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Not a date' });
      return z.NEVER;
    }
    return date.toISOString();
  });

/** Date fields (FirstRespondedDate, StartDate) have no time; they are read as midnight UTC. */
export const SfDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => `${v}T00:00:00.000Z`);

/**
 * A nextRecordsUrl Leadlight follows: a query locator path on the same instance.
 * Anything else (another host, a scheme, another API, dot segments) is never
 * requested: the token would go with it.
 */
const NEXT_RECORDS_PATH = /^\/services\/data\/v\d+\.\d+\/query\/[A-Za-z0-9-]+$/;
export function isFollowableNextRecordsUrl(url: string): boolean {
  return NEXT_RECORDS_PATH.test(url);
}

const AttributesSchema = z.object({ type: z.string(), url: z.string().optional() });
const Text = z.string().nullish();

/** One page of a query: the top-level result and each subquery relationship have this shape. */
export function queryResultSchema<T extends z.ZodType>(record: T) {
  return z.object({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    records: z.array(record),
    nextRecordsUrl: z.string().optional(),
  });
}
export type QueryPage<T> = { totalSize: number; done: boolean; records: T[]; nextRecordsUrl?: string | undefined };

/** A page whose records are read field by field later (mapping.ts), so one odd record never fails the page. */
export const RawPageSchema = queryResultSchema(z.unknown());

export const IdRecordSchema = z.object({ attributes: AttributesSchema, Id: SalesforceIdSchema });

/** Description is not filterable in SOQL but can be selected, so the full feedback id is checked here. */
export const TaskRecordSchema = z.object({ attributes: AttributesSchema, Id: SalesforceIdSchema, Subject: Text, Description: Text });

/** POST /sobjects/… answer. */
export const CreateResultSchema = z.object({ id: SalesforceIdSchema, success: z.boolean(), errors: z.array(z.unknown()) });

/** REST API error body: an array, usually of one. */
export const SalesforceErrorsSchema = z
  .array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }))
  .min(1);
