import { z } from 'zod';
import { AttributionModelSchema, CampaignTrendSchema, ReportRowSchema, SlaGroupRowSchema, TrendPointSchema } from './report-schema';

/**
 * The report as the background answers it and as it keeps the last ones it computed.
 * A kept view may have been written by an earlier version of Leadlight, so it is read
 * back through this schema: one that no longer fits is not shown.
 */

/** What the report's figures rest on, said on the page ("Team: 412 verdicts by 9 reps, from HubSpot, as of 10:32"). */
export const TeamScopeSchema = z.object({
  /** Each rep's current verdict on each contact, all time. */
  verdicts: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  /** Where the team's verdicts come from, in words. */
  from: z.string(),
  /** When they were last read; null for verdicts only this browser holds. */
  asOf: z.string().nullable(),
  /** Feedback files merged in, with whose verdicts each holds. */
  files: z.array(z.object({ name: z.string(), authors: z.array(z.string()), verdicts: z.number().int().nonnegative() })).optional(),
  /** Only this rep's verdicts are shown. */
  onlyMine: z.boolean(),
  /** The rep "only mine" means, when known. */
  me: z.string().optional(),
});
export type TeamScope = z.infer<typeof TeamScopeSchema>;

/** The closed-loop report for one period and dimension, computed from the local cache. */
export const ReportViewSchema = z.object({
  rows: z.array(ReportRowSchema),
  /** Months as ISO strings: messages carry JSON, not Dates. */
  trend: z.array(CampaignTrendSchema.extend({ series: z.array(TrendPointSchema.extend({ bucketStart: z.string() })) })),
  slaByOwner: z.array(SlaGroupRowSchema).nullable(),
  slaByCampaign: z.array(SlaGroupRowSchema).nullable(),
  /** Where the figures come from, shown on the page. */
  basis: z.string(),
  /** Whose verdicts these are, how many, and as of when. */
  scope: TeamScopeSchema,
  model: AttributionModelSchema,
  /** The demo's own today, at which its data stands still: the page measures its periods from it, not the clock. */
  today: z.string().optional(),
});
export type ReportView = z.infer<typeof ReportViewSchema>;

/** The last report computed for the same question, and when; shown labelled while a fresh one is computed. */
export type LastReportView = { view: ReportView; computedAt: string };
