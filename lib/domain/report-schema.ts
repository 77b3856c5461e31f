import { z } from 'zod';
import type { Campaign, Touch } from './campaign';
import type { Contact } from './contact';
import type { Feedback } from './feedback';
import { VerdictSchema } from './feedback';
import type { ObservedTouch } from './observed-touch';
import type { Persona } from './persona';
import type { ReasonDefinition } from './reason-definition';
import type { SlaSettings } from './sla';

/**
 * Shapes of the closed-loop report: what marketing sees when it asks "which
 * campaigns produce leads sales calls good, and why are the others turned away?"
 */

export const ReportDimensionSchema = z.enum(['campaign', 'source', 'persona', 'asset']);
export type ReportDimension = z.infer<typeof ReportDimensionSchema>;

/** A reporting window: `from` inclusive, `to` exclusive, so consecutive periods never double count. */
export const PeriodSchema = z.object({ from: z.date(), to: z.date() });
export type Period = z.infer<typeof PeriodSchema>;

export const TopReasonSchema = z.object({ reasonId: z.string(), label: z.string(), count: z.number().int().positive() });
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
});
export type DrillDownRow = z.infer<typeof DrillDownRowSchema>;

export const TrendPointSchema = z.object({
  bucketStart: z.date(),
  verdicts: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  goodRate: z.number().min(0).max(1).nullable(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const CampaignTrendSchema = z.object({ campaignId: z.string(), label: z.string(), series: z.array(TrendPointSchema) });
export type CampaignTrend = z.infer<typeof CampaignTrendSchema>;

export const SlaGroupRowSchema = SlaCountsSchema.extend({ key: z.string(), label: z.string() });
export type SlaGroupRow = z.infer<typeof SlaGroupRowSchema>;

/**
 * The cached records a report is computed from. Arrays are plain data from the
 * local cache; nothing here is fetched. `reasons` defaults to FEEDBACK_REASONS.
 */
export interface ReportData {
  contacts: readonly Contact[];
  touches: readonly Touch[];
  campaigns: readonly Campaign[];
  feedback: readonly Feedback[];
  personas: readonly Persona[];
  reasons?: readonly ReasonDefinition[];
  /** The rep's own mail seen in Gmail or Outlook: first touches the CRM may lack. */
  observed?: readonly ObservedTouch[];
  /** Lead statuses that mean sales worked the lead (see worked-status.ts). */
  workedStatuses?: readonly string[];
}

export interface ReportOptions extends ReportData {
  period: Period;
  dimension: ReportDimension;
  slaSettings?: SlaSettings;
  now: Date;
}
