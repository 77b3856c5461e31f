import type { Touch } from '../domain/campaign';
import { LAST_ACTIVITY_TYPE, SALES_ACTIVITY_CAMPAIGN_ID, salesActivityLabel, type SalesActivityType } from '../domain/sales-activity';

/** One sales activity a CRM logged, as a connector read it. */
export type LoggedActivity = {
  /** The CRM's own id, so a re-fetch replaces the touch rather than adding a second. */
  id: string;
  email: string;
  type: SalesActivityType | typeof LAST_ACTIVITY_TYPE;
  /** The subject or title as written; a generic name ("Call") when the CRM has none. */
  title?: string | undefined;
  at: string;
  /** The CRM's own status or outcome as written. */
  status?: string | undefined;
};

/**
 * A logged call, email or meeting as a touch, the way imports and the demo write
 * them: under SALES_ACTIVITY_CAMPAIGN_ID (a call is no campaign, and the report
 * keeps sales activities out of attribution), never counted as a response.
 */
export function salesTouch(a: LoggedActivity): Touch {
  return {
    id: a.id.slice(0, 100),
    email: a.email,
    campaignId: SALES_ACTIVITY_CAMPAIGN_ID,
    assetName: (a.title?.trim() || salesActivityLabel(a.type)).slice(0, 300),
    assetType: a.type,
    date: a.at,
    responseStatus: (a.status?.trim() || (a.type === LAST_ACTIVITY_TYPE ? 'Logged' : 'Completed')).slice(0, 200),
    responded: false,
  };
}

/** Whether an activity dated `at` has happened by `now`: a meeting booked for next week is not a touch yet. */
export function happened(at: string, now: number): boolean {
  return Date.parse(at) <= now;
}
