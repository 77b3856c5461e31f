import type { Touch } from '../domain/campaign';
import { SALES_ACTIVITY_CAMPAIGN_ID, type SalesCategory } from '../domain/sales-activity';

/** One sales activity a CRM logged, as a connector read it. */
export type LoggedActivity = {
  /** The CRM's own id, so a re-fetch replaces the touch rather than adding a second. */
  id: string;
  email: string;
  /** What the CRM calls it, as written: a Task's Type ("Demo"), a meeting type, else the CRM's name for the record ("Call"). */
  type: string;
  /** Leadlight's category of it, which the SLA and the report read. */
  category: SalesCategory;
  /** The subject or title as written; the CRM's type when it has none. */
  title?: string | undefined;
  at: string;
  /** The CRM's own status or outcome as written; absent when it gave none. */
  status?: string | undefined;
};

/**
 * A logged call, email or meeting as a touch, the way imports and the demo write
 * them: under SALES_ACTIVITY_CAMPAIGN_ID (a call is no campaign, and the report
 * keeps sales activities out of attribution), never counted as a response.
 */
export function salesTouch(a: LoggedActivity): Touch {
  const type = a.type.trim().slice(0, 200);
  const status = a.status?.trim().slice(0, 200);
  return {
    id: a.id.slice(0, 100),
    email: a.email,
    campaignId: SALES_ACTIVITY_CAMPAIGN_ID,
    assetName: (a.title?.trim() || type).slice(0, 300),
    assetType: type,
    assetCategory: a.category,
    date: a.at,
    ...(status ? { responseStatus: status } : {}),
    responded: false,
  };
}

/** Whether an activity dated `at` has happened by `now`: a meeting booked for next week is not a touch yet. */
export function happened(at: string, now: number): boolean {
  return Date.parse(at) <= now;
}
