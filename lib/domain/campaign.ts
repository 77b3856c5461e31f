import { z } from 'zod';
import { EmailSchema } from './contact';
import { IsoDateSchema, OpenValueSchema } from './open-value';

export const CampaignSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  type: OpenValueSchema,
  status: OpenValueSchema,
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  /** Who it is for: persona ids and lifecycle stages. Absent means everyone. */
  audience: z
    .object({ personaIds: z.array(z.string().min(1)).max(50).optional(), stages: z.array(z.string().min(1)).max(20).optional() })
    .optional(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const ASSET_TYPES = ['email', 'webinar', 'whitepaper', 'ebook', 'ad', 'event', 'web_page', 'form', 'case_study'] as const;

/** One time a campaign asset reached a contact. */
export const TouchSchema = z.object({
  id: z.string().min(1).max(100),
  email: EmailSchema,
  campaignId: z.string().min(1).max(100),
  assetName: z.string().min(1).max(300),
  assetType: OpenValueSchema,
  date: IsoDateSchema,
  /** Member status as the campaign tracks it: Sent, Opened, Registered, Attended, Downloaded… */
  responseStatus: OpenValueSchema,
  responded: z.boolean(),
});
export type Touch = z.infer<typeof TouchSchema>;
