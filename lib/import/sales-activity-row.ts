import { TouchSchema, type Touch } from '../domain/campaign';
import { LAST_ACTIVITY_TYPE, SALES_ACTIVITY_CAMPAIGN_ID, salesActivityLabel, salesCategory } from '../domain/sales-activity';
import type { ImportField, MappedRow } from './fields';
import { touchIdFor } from './ids';
import type { ValueWarning } from './row-to-records';
import type { DayOrder } from './day-order';
import { parseDate, unreadableDate } from './values';

/**
 * A CRM's "Last Activity" / "Last Contacted" date as a touch: it proves sales
 * touched the lead by then (not when first), which the SLA reads as touched
 * without a recorded time. An unreadable date leaves it out with a warning.
 */
export function lastActivityFrom(row: MappedRow, email: string, warnings: ValueWarning[], order: DayOrder): Touch | undefined {
  const date = parseDate(row.lastActivity, order);
  if (date === null) warnings.push({ field: 'lastActivity', reason: unreadableDate(row.lastActivity, order) });
  if (!date) return undefined;
  // The file gives a date and no activity type: it is named after the column it comes from.
  const assetName = 'Last activity';
  return {
    id: touchIdFor(email, SALES_ACTIVITY_CAMPAIGN_ID, assetName, date),
    email,
    campaignId: SALES_ACTIVITY_CAMPAIGN_ID,
    assetName,
    assetType: assetName,
    assetCategory: LAST_ACTIVITY_TYPE,
    date,
    responded: false,
  };
}

/** The file's field behind a touch property a schema refused, to name its column in a warning. */
export const TOUCH_FIELD: Readonly<Record<string, ImportField>> = {
  assetName: 'asset',
  assetType: 'assetType',
  responseStatus: 'status',
  campaignId: 'campaignId',
};

/**
 * A row of Leadlight's own format that is a logged call, meeting or email: no campaign,
 * a date. One whose date or another value cannot be read is left out with a warning
 * naming the column; the contact is kept.
 */
export function salesActivityFrom(row: MappedRow, email: string, warnings: ValueWarning[], order: DayOrder): Touch | undefined {
  // Kept as the file wrote it ("Call", "Sales email"); recognised whatever its case or spacing.
  const assetType = row.assetType.trim();
  const category = salesCategory(assetType);
  if (!category || category === LAST_ACTIVITY_TYPE) return undefined;
  const leftOut = `; the ${assetType} was left out`;
  const date = parseDate(row.date, order);
  if (!date) {
    warnings.push({ field: 'date', reason: `${date === null ? unreadableDate(row.date, order) : 'no date'}${leftOut}` });
    return undefined;
  }
  const touch = TouchSchema.safeParse({
    // Keyed on the name earlier versions gave a nameless activity, so importing the file again updates its touches.
    id: touchIdFor(email, SALES_ACTIVITY_CAMPAIGN_ID, row.asset || salesActivityLabel(category), date),
    email,
    campaignId: SALES_ACTIVITY_CAMPAIGN_ID,
    assetName: row.asset || assetType,
    assetType,
    assetCategory: category,
    date,
    ...(row.status ? { responseStatus: row.status } : {}),
    responded: false,
  });
  if (touch.success) return touch.data;
  const issue = touch.error.issues[0];
  warnings.push({ field: TOUCH_FIELD[String(issue?.path[0])] ?? 'assetType', reason: `${issue?.message ?? 'invalid'}${leftOut}` });
  return undefined;
}
