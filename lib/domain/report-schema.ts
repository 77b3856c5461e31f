import { z } from 'zod';
import type { Campaign, Touch } from './campaign';
import type { Contact } from './contact';
import type { Feedback } from './feedback';
import { VerdictSchema } from './feedback';
import type { ObservedTouch } from './observed-touch';
import type { Persona } from './persona';
import type { ReportIndex } from './report-input';
import type { ReasonDefinition } from './reason-definition';
import type { SlaSettings } from './sla';

/**
 * Shapes of the closed-loop report: what marketing sees when it asks "which
 * campaigns produce leads sales calls good, and why are the others turned away?"
 */

export const ReportDimensionSchema = z.enum(['campaign', 'source', 'persona', 'asset']);
export type ReportDimension = z.infer<typeof ReportDimensionSchema>;

/**
 * Which campaigns (and assets) a verdict is credited to: every one that reached the
 * lead before the verdict (`any`), only the one that reached it first (`first`), or
 * only the last one before the verdict (`last`). Source and persona have one bucket
 * per lead, so the model does not change them.
 */
export const AttributionModelSchema = z.enum(['any', 'first', 'last']);
export type AttributionModel = z.infer<typeof AttributionModelSchema>;

/** A reporting window: `from` inclusive, `to` exclusive, so consecutive periods never double count. */
export const PeriodSchema = z.object({ from: z.date(), to: z.date() });
export type Period = z.infer<typeof PeriodSchema>;

/** A reason and how often it was given; `reasonId` is absent for a reason known only by the label a CRM or file wrote. */
export const TopReasonSchema = z.object({ reasonId: z.string().optional(), label: z.string(), count: z.number().int().positive() });
export type TopReason = z.infer<typeof TopReasonSchema>;

/**
 * Hand-offs judged against the SLA. `missed` includes leads still untouched past
 * their due time; `untimed` were worked (a status, a last-activity date) but nobody
 * recorded when, so they are neither called met in time nor missed.
 */
export const SlaCountsSchema = z.object({
  met: z.number().int().nonnegative(),
  untimed: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
});
export type SlaCounts = z.infer<typeof SlaCountsSchema>;

export const ReportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  leadsTouched: z.number().int().nonnegative(),
  verdicts: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  bad: z.number().int().nonnegative(),
  /** good / verdicts, 0–1; null when nobody has judged these leads yet (not 0 %). */
  goodRate: z.number().min(0).max(1).nullable(),
  topRejection: TopReasonSchema.nullable(),
  topDisqualification: TopReasonSchema.nullable(),
  /** Present only when SLA settings were given. */
  handoffs: SlaCountsSchema.optional(),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

/** An asset that reached a prospect, as the drill-down lists it. */
export const ReachedAssetSchema = z.object({ name: z.string(), type: z.string(), campaign: z.string(), date: z.string() });
export type ReachedAsset = z.infer<typeof ReachedAssetSchema>;

/** One contact behind a campaign row, with the verdict that counted. */
export const DrillDownRowSchema = z.object({
  email: z.string(),
  name: z.string().optional(),
  company: z.string().optional(),
  /** The campaign's latest touch on this contact up to the period end. */
  lastTouchAt: z.string().optional(),
  verdict: VerdictSchema.optional(),
  reasonId: z.string().optional(),
  reasonLabel: z.string(),
  note: z.string().optional(),
  author: z.string().optional(),
  feedbackAt: z.string().optional(),
  /** Every marketing asset that reached the prospect up to the period end, newest first. */
  assets: z.array(ReachedAssetSchema).default([]),
});
export type DrillDownRow = z.input<typeof DrillDownRowSchema>;

export const TrendPointSchema = z.object({
  bucketStart: z.date(),
  verdicts: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  goodRate: z.number().min(0).max(1).nullable(),
  /** The bucket is not over yet (the current month): fewer verdicts, so a less certain rate. */
  partial: z.boolean().optional(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const CampaignTrendSchema = z.object({ campaignId: z.string(), label: z.string(), series: z.array(TrendPointSchema) });
export type CampaignTrend = z.infer<typeof CampaignTrendSchema>;

export const SlaGroupRowSchema = SlaCountsSchema.extend({ key: z.string(), label: z.string() });
export type SlaGroupRow = z.infer<typeof SlaGroupRowSchema>;

/** A verdict as the report reads it: a rep's own feedback, or one of the team's read from a CRM or file. */
export type ReportVerdict = Pick<Feedback, 'id' | 'email' | 'verdict' | 'reasonId' | 'note' | 'author' | 'createdAt' | 'kind'> & {
  /** The reason as an older CRM record or a file row wrote it, without its id. */
  reasonLabel?: string;
};

/**
 * The cached records a report is computed from. Arrays are plain data from the
 * local cache; nothing here is fetched. `reasons` defaults to FEEDBACK_REASONS.
 */
export interface ReportData {
  contacts: readonly Contact[];
  touches: readonly Touch[];
  campaigns: readonly Campaign[];
  feedback: readonly ReportVerdict[];
  personas: readonly Persona[];
  reasons?: readonly ReasonDefinition[];
  /** The rep's own mail seen in Gmail or Outlook: first touches the CRM may lack. */
  observed?: readonly ObservedTouch[];
  /** Lead statuses that mean sales worked the lead (see worked-status.ts). */
  workedStatuses?: readonly string[];
  /** The joins of these arrays, from prepareReportData; built on the spot when missing or made from other arrays. */
  index?: ReportIndex;
}

export interface ReportOptions extends ReportData {
  period: Period;
  dimension: ReportDimension;
  /** How campaign and asset rows credit a verdict; `any` unless said otherwise. */
  model?: AttributionModel;
  slaSettings?: SlaSettings;
  now: Date;
}
