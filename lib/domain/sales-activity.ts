import type { Touch } from './campaign';

/**
 * Leadlight's categories of sales making contact with a time. A connector or import
 * keeps the CRM's own word for an activity (a Task's Type "Demo", a HubSpot meeting
 * type) in a touch's assetType and puts one of these in its assetCategory.
 */
export const SALES_ACTIVITY_TYPES = ['call', 'sales_email', 'meeting', 'sales_activity'] as const;
export type SalesActivityType = (typeof SALES_ACTIVITY_TYPES)[number];

/**
 * The category of the date a CRM keeps of the *latest* sales activity ("Last
 * Activity", "Last Contacted"). It proves sales touched the lead by then, but not
 * when first, so it never dates a first touch; the SLA reads it as touched, time
 * not recorded.
 */
export const LAST_ACTIVITY_TYPE = 'last_activity';
export type SalesCategory = SalesActivityType | typeof LAST_ACTIVITY_TYPE;

/**
 * The campaign id every sales activity carries. Touches need one; a call is no
 * campaign, and the report leaves sales activities out of campaign attribution.
 */
export const SALES_ACTIVITY_CAMPAIGN_ID = 'sales-activity';

/** Leadlight's words for each category, for touches that carry no word of the CRM's own. */
export const SALES_ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  call: 'Call',
  sales_email: 'Email',
  meeting: 'Meeting',
  sales_activity: 'Sales activity',
  last_activity: 'Last activity',
};

/** "Sales email", "SALES_EMAIL" and "sales-email" are one category. */
const key = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');

/** The sales category a value names, however it is cased; undefined for any other value. */
export function salesCategory(value: string): SalesCategory | undefined {
  const k = key(value);
  return k === LAST_ACTIVITY_TYPE || (SALES_ACTIVITY_TYPES as readonly string[]).includes(k) ? (k as SalesCategory) : undefined;
}

/** What says what a touch is: the org's type as written, and Leadlight's category of it when recorded. */
type Typed = Pick<Touch, 'assetType'> & { assetCategory?: string | undefined };

/**
 * A touch's sales category, or undefined for a touch that is no sales activity.
 * Touches stored before the CRM's own word was kept have no category and carry
 * Leadlight's in assetType, so those are read by their type. A database upgrade
 * could not recover the CRM's word either, would rewrite every contact row on first
 * start (touches live inside them), and feeds written for earlier versions still
 * send touches without a category.
 */
export function salesCategoryOf(t: Typed): SalesCategory | undefined {
  return salesCategory(t.assetCategory ?? t.assetType);
}

/** True for a touch that is sales making contact (dated or not). */
export function isSalesActivity(t: Typed): boolean {
  return salesCategoryOf(t) !== undefined;
}

/** True for a sales activity whose date is when it happened, so it can date a first touch. */
export function isTimedSalesActivity(t: Typed): boolean {
  const category = salesCategoryOf(t);
  return category !== undefined && category !== LAST_ACTIVITY_TYPE;
}

/**
 * The first timed sales activity at or after the hand-off (same instant counts: a
 * CRM workflow often stamps both together), or undefined when sales has not acted.
 */
export function firstSalesTouch<T extends Typed & Pick<Touch, 'date'>>(touches: readonly T[], handoffAt: Date | string): T | undefined {
  const from = new Date(handoffAt).getTime();
  let best: T | undefined;
  for (const t of touches) {
    const at = Date.parse(t.date);
    if (at < from || !isTimedSalesActivity(t)) continue;
    if (!best || at < Date.parse(best.date)) best = t;
  }
  return best;
}

/** Leadlight's words for a sales category, however it was cased; any other value as written. */
export function salesActivityLabel(category: string): string {
  return SALES_ACTIVITY_LABELS[key(category)] ?? category;
}

/**
 * What to call a sales activity: the CRM's or the file's own word as written
 * ("Demo", "Call"), or, for a touch stored before that word was kept, Leadlight's
 * words for its category (`leadlight`, so a sentence may lower-case them).
 */
export function salesActivityWord(t: Typed): { text: string; leadlight: boolean } {
  if (t.assetCategory === undefined && salesCategory(t.assetType)) return { text: salesActivityLabel(t.assetType), leadlight: true };
  return { text: t.assetType, leadlight: false };
}
