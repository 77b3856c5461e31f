import type { Touch } from './campaign';

/**
 * Activity types that count as sales making contact. They are open values
 * outside ASSET_TYPES: a CRM connector maps its own activities (logged calls,
 * one-to-one emails, meetings) onto these when it turns them into touches.
 */
export const SALES_ACTIVITY_TYPES = ['call', 'sales_email', 'meeting'] as const;

/** True for a touch type that is sales making contact, however the CRM cased it. */
export function isSalesActivity(assetType: string): boolean {
  return (SALES_ACTIVITY_TYPES as readonly string[]).includes(assetType.trim().toLowerCase());
}

/**
 * The first sales activity at or after the hand-off (same instant counts: a CRM
 * workflow often stamps both together), or undefined when sales has not acted.
 */
export function firstSalesTouch<T extends Pick<Touch, 'assetType' | 'date'>>(
  touches: readonly T[],
  handoffAt: Date | string,
): T | undefined {
  const from = new Date(handoffAt).getTime();
  let best: T | undefined;
  for (const t of touches) {
    const at = Date.parse(t.date);
    if (at < from || !isSalesActivity(t.assetType)) continue;
    if (!best || at < Date.parse(best.date)) best = t;
  }
  return best;
}
