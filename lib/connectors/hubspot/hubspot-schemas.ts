import { z } from 'zod';

/**
 * HubSpot's response shapes, as far as Leadlight reads them. Objects are not
 * strict: HubSpot adds fields often, and an extra field must never break a lookup.
 * Picklist values stay plain strings so values an admin added are kept.
 */

/** One past value of a property, from `propertiesWithHistory` (newest first as HubSpot sends it). */
export const HubspotHistoryEntrySchema = z.object({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string().optional(),
  sourceId: z.string().nullish(),
});

/** A CRM object from `/crm/v3/objects/{type}/{id}`; a property without a value comes back as null. */
export const HubspotObjectSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()),
  propertiesWithHistory: z.record(z.string(), z.array(HubspotHistoryEntrySchema)).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

// Liberal in what we accept: a number HubSpot sends as a numeric string still counts.
const Numeric = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** Epoch milliseconds, as a number or a numeric string, within the range a Date can hold. */
export const EpochMillis = Numeric.refine((ms) => !Number.isNaN(new Date(ms).getTime()), 'Not a date');

/** A marketing-email event; UNBOUNCE events carry no recipient or campaign, hence the optionals. */
export const HubspotEmailEventSchema = z.object({
  id: z.string().optional(),
  created: EpochMillis,
  type: z.string().min(1),
  recipient: z.string().optional(),
  emailCampaignId: Numeric.optional(),
});
export type HubspotEmailEvent = z.infer<typeof HubspotEmailEventSchema>;

/** `/email/public/v1/campaigns/{id}`: `name` is the internal email name, `subject` what the contact saw. */
export const HubspotEmailCampaignSchema = z.object({
  id: Numeric.optional(),
  name: z.string().optional(),
  subject: z.string().optional(),
  type: z.string().optional(),
  subType: z.string().optional(),
});
export type HubspotEmailCampaign = z.infer<typeof HubspotEmailCampaignSchema>;

/** `/crm/v3/objects/{type}/search`. */
export const HubspotSearchSchema = z.object({
  total: z.number(),
  results: z.array(HubspotObjectSchema),
});

/** HubSpot's error body; every field optional because gateways and older APIs send less. */
export const HubspotErrorSchema = z.object({
  status: z.string().optional(),
  message: z.string().optional(),
  correlationId: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.string().optional(),
  policyName: z.string().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  errors: z
    .array(
      z.object({
        message: z.string().optional(),
        // The CRM object APIs add a code and where in the request the error is; an unexpected kind of value is dropped alone.
        code: z.string().optional().catch(undefined),
        in: z.string().optional().catch(undefined),
        context: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});
export type HubspotError = z.infer<typeof HubspotErrorSchema>;
