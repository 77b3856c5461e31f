import { CampaignSchema, type Campaign } from '../domain/campaign';
import { campaignCategory } from '../domain/categories';
import { quote } from './echo';
import type { ImportField, MappedRow } from './fields';
import { campaignIdFor } from './ids';
import { RowError } from './row-outcome';
import type { ValueWarning } from './row-to-records';
import type { DayOrder } from './day-order';
import { parseDate, unreadableDate } from './values';

export type CampaignCells = { id: string; name: string; type: string; status: string } & Partial<Record<CampaignExtra, string>>;

export function campaignFrom(cells: CampaignCells): Campaign {
  const parsed = CampaignSchema.safeParse({ ...cells, id: cells.id || campaignIdFor(cells.name), category: campaignCategory(cells.type) });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RowError(`${issue?.path.join('.') || 'campaign'}: ${issue?.message ?? 'invalid'}`);
}

type CampaignExtra = 'startDate' | 'endDate' | 'eventDate' | 'inviteUrl' | 'recordUrl';
const CAMPAIGN_DATES = { startDate: 'campaignStartDate', endDate: 'campaignEndDate', eventDate: 'campaignEventDate' } as const;
const CAMPAIGN_LINKS = { inviteUrl: 'campaignInviteUrl', recordUrl: 'campaignRecordUrl' } as const;

/**
 * A campaign's optional dates and links ("Coming up" needs a date ahead; invitations a link).
 * An unreadable one is left out with a warning; the campaign and the touch stay.
 */
export function campaignExtras(row: MappedRow, warnings: ValueWarning[], order: DayOrder): Partial<Record<CampaignExtra, string>> {
  const extras: Partial<Record<CampaignExtra, string>> = {};
  for (const [key, field] of Object.entries(CAMPAIGN_DATES) as [CampaignExtra, ImportField][]) {
    const date = parseDate(row[field], order);
    if (date) extras[key] = date;
    else if (date === null) warnings.push({ field, reason: unreadableDate(row[field], order) });
  }
  for (const [key, field] of Object.entries(CAMPAIGN_LINKS) as [CampaignExtra, ImportField][]) {
    const url = row[field].trim();
    if (!url) continue;
    if (CampaignSchema.shape[key].safeParse(url).success) extras[key] = url;
    else warnings.push({ field, reason: `${quote(url)} is not a web address (http or https)` });
  }
  return extras;
}
