import { z } from 'zod';
import { IsoDateSchema, OpenValueSchema } from './open-value';

/** Normalises an email for use as the contact key; Gmail and CRMs disagree on case. */
export const EmailSchema = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());

/** Where a lead came from: the first touch (original) or the most recent (latest). */
export const LeadSourceSchema = z.object({
  /** The source as the org wrote it ("Partner Referral", HubSpot's "Paid Social"). */
  channel: OpenValueSchema,
  /** Leadlight's channel category, for grouping (lib/domain/categories.ts); derived from `channel` when absent. */
  category: OpenValueSchema.optional(),
  /** Campaign, UTM parameters, referrer or event name; whatever explains the channel. */
  detail: z.string().max(500).optional(),
  date: IsoDateSchema.optional(),
});
export type LeadSource = z.infer<typeof LeadSourceSchema>;

export const ContactSchema = z.object({
  email: EmailSchema,
  name: z.string().max(300).optional(),
  title: z.string().max(300).optional(),
  company: z.string().max(300).optional(),
  industry: OpenValueSchema.optional(),
  /** Employee count of the contact's company. */
  companySize: z.number().int().nonnegative().optional(),
  seniority: OpenValueSchema.optional(),
  department: OpenValueSchema.optional(),
  lifecycleStage: OpenValueSchema.optional(),
  leadStatus: OpenValueSchema.optional(),
  /** Lead score as the marketing system computes it (0–100 in the demo; CRMs vary). */
  score: z.number().finite().optional(),
  owner: z.string().max(300).optional(),
  /** When marketing handed the lead to sales (MQL date). */
  handoffAt: IsoDateSchema.optional(),
  originalSource: LeadSourceSchema.optional(),
  latestSource: LeadSourceSchema.optional(),
  /** Fields the CRM sent but Leadlight could not read: shown as unknown rather than as "not recorded". */
  unknownFields: z.array(z.string().min(1).max(40)).max(40).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;
