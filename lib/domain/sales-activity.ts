import type { Touch } from './campaign';

/**
 * Activity types that count as sales making contact, each with a time. They are
 * open values outside ASSET_TYPES: a connector or import maps the CRM's own
 * activities (logged calls, one-to-one emails, meetings, a first-engagement date)
 * onto these when it turns them into touches.
 */
export const SALES_ACTIVITY_TYPES = ['call', 'sales_email', 'meeting', 'sales_activity'] as const;
export type SalesActivityType = (typeof SALES_ACTIVITY_TYPES)[number];

/**
 * The date a CRM keeps of the *latest* sales activity ("Last Activity", "Last
 * Contacted"). It proves sales touched the lead by then, but not when first, so
 * it never dates a first touch; the SLA reads it as touched, time not recorded.
 */
export const LAST_ACTIVITY_TYPE = 'last_activity';

/**
 * The campaign id every sales activity carries. Touches need one; a call is no
 * campaign, and the report leaves sales activities out of campaign attribution.
 */
export const SALES_ACTIVITY_CAMPAIGN_ID = 'sales-activity';

/** Words for each sales activity type, as the sidebar names where a first touch came from. */
export const SALES_ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  call: 'Call',
  sales_email: 'Email',
  meeting: 'Meeting',
  sales_activity: 'Sales activity',
  last_activity: 'Last activity',
};

/** "Sales email", "SALES_EMAIL" and "sales-email" are one type. */
const key = (assetType: string) =>
  assetType
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');

/** True for a touch type that is sales making contact (dated or not), however the CRM cased it. */
export function isSalesActivity(assetType: string): boolean {
  const k = key(assetType);
  return k === LAST_ACTIVITY_TYPE || (SALES_ACTIVITY_TYPES as readonly string[]).includes(k);
}

/** True for a sales activity whose date is when it happened, so it can date a first touch. */
export function isTimedSalesActivity(assetType: string): boolean {
  return (SALES_ACTIVITY_TYPES as readonly string[]).includes(key(assetType));
}

/**
 * The first timed sales activity at or after the hand-off (same instant counts: a
 * CRM workflow often stamps both together), or undefined when sales has not acted.
 */
export function firstSalesTouch<T extends Pick<Touch, 'assetType' | 'date'>>(
  touches: readonly T[],
  handoffAt: Date | string,
): T | undefined {
  const from = new Date(handoffAt).getTime();
  let best: T | undefined;
  for (const t of touches) {
    const at = Date.parse(t.date);
    if (at < from || !isTimedSalesActivity(t.assetType)) continue;
    if (!best || at < Date.parse(best.date)) best = t;
  }
  return best;
}

/** Words for a sales activity type, however it was cased; an unknown type as written. */
export function salesActivityLabel(assetType: string): string {
  return SALES_ACTIVITY_LABELS[key(assetType)] ?? assetType;
}
