import { z } from 'zod';
import { EmailSchema } from './contact';
import { IsoDateSchema, OpenValueSchema } from './open-value';

export const CampaignSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  /** The campaign type as the org wrote it ("Content Syndication", "Trade Show"). */
  type: OpenValueSchema,
  /** Leadlight's category of that type, for grouping (lib/domain/categories.ts); derived from `type` when absent. */
  category: OpenValueSchema.optional(),
  status: OpenValueSchema,
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  /** When a webinar airs or an event opens: the date an invitation names, not the campaign's run. */
  eventDate: IsoDateSchema.optional(),
  /** The registration or invitation page a rep can send (http/https only). */
  inviteUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** The campaign's own record in the CRM it came from (http/https only). */
  recordUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** Who it is for: persona ids and lifecycle stages. Absent means everyone. */
  audience: z
    .object({ personaIds: z.array(z.string().min(1)).max(50).optional(), stages: z.array(z.string().min(1)).max(20).optional() })
    .optional(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** One time a campaign asset reached a contact. */
export const TouchSchema = z.object({
  id: z.string().min(1).max(100),
  email: EmailSchema,
  campaignId: z.string().min(1).max(100),
  assetName: z.string().min(1).max(300),
  /** What it was, as the org or vendor wrote it: an asset type, or a logged activity's own type ("Call", "Demo"). */
  assetType: OpenValueSchema,
  /**
   * Leadlight's category of it, for grouping and persona rules (lib/domain/categories.ts), or for a
   * sales activity its sales category (lib/domain/sales-activity.ts); derived from the type and name when absent.
   */
  assetCategory: OpenValueSchema.optional(),
  date: IsoDateSchema,
  /**
   * Member status as the campaign tracks it (Sent, Opened, Registered, Attended, Downloaded…), or a
   * logged activity's status or outcome as the CRM wrote it. Absent when the source gave none.
   */
  responseStatus: OpenValueSchema.optional(),
  responded: z.boolean(),
});
export type Touch = z.infer<typeof TouchSchema>;
