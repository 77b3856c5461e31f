import type { Touch } from './campaign';
import type { Contact } from './contact';
import type { ObservedTouch } from './observed-touch';
import { LAST_ACTIVITY_TYPE, firstSalesTouch, salesCategoryOf } from './sales-activity';
import { workedStatusOf } from './worked-status';
import { calendarDayOf } from './calendar-date';
import { handoffStart } from './sla';
import { isoDay, localDateOf } from './zoned-time';

/**
 * How Leadlight knows sales made its first touch after a hand-off. Dated evidence
 * (an activity logged in the CRM or import, or the rep's own mail seen in Gmail or
 * Outlook) gives a time to hold against the SLA. A worked lead status or a "last
 * activity" date only proves the lead was touched: the time was not recorded.
 */
export type FirstTouch =
  /** `activity` is the type as the CRM or file wrote it, `category` Leadlight's (absent on touches stored before it was kept). */
  | { via: 'logged'; at: string; activity: string; category?: string; label: string }
  | { via: 'seen'; at: string; host: ObservedTouch['host'] }
  | { via: 'status'; status: string }
  | { via: 'last_activity'; at: string };

export type FirstTouchEvidence = {
  touches: readonly Pick<Touch, 'assetType' | 'assetCategory' | 'assetName' | 'date'>[];
  observed?: readonly Pick<ObservedTouch, 'at' | 'host'>[];
  /** Statuses and stages that mean the lead was worked (see worked-status.ts). */
  worked?: readonly string[];
  /** The team's zone (the SLA's): a date-only "last activity" is a day on its calendar. UTC when not given. */
  timeZone?: string;
};

/**
 * Whether a "last activity" is at or after the hand-off. A timestamp (HubSpot's
 * `notes_last_contacted`) is compared as an instant; a date alone by calendar day,
 * the hand-off's day read on the team's clock, not UTC's.
 */
function lastActivityCounts(date: string, handoff: Date, timeZone: string): boolean {
  const day = calendarDayOf(date);
  if (day === null) return Date.parse(date) >= handoff.getTime();
  return day >= isoDay(localDateOf(handoff.getTime(), timeZone));
}

/**
 * The earliest dated touch at or after the hand-off, from the CRM or the rep's own
 * mail; else a worked status; else a last-activity date on or after the hand-off
 * day. Undefined when nothing shows that sales has acted.
 */
export function resolveFirstTouch(
  contact: Pick<Contact, 'handoffAt' | 'leadStatus' | 'lifecycleStage'>,
  e: FirstTouchEvidence,
): FirstTouch | undefined {
  if (!contact.handoffAt) return undefined;
  const start = handoffStart(contact.handoffAt, e.timeZone ?? 'UTC');
  const from = start.getTime();
  const logged = firstSalesTouch(e.touches, start);
  let seen: Pick<ObservedTouch, 'at' | 'host'> | undefined;
  for (const o of e.observed ?? []) {
    const at = Date.parse(o.at);
    if (at >= from && (!seen || at < Date.parse(seen.at))) seen = o;
  }
  if (seen && (!logged || Date.parse(seen.at) < Date.parse(logged.date))) return { via: 'seen', at: seen.at, host: seen.host };
  if (logged) {
    const category = logged.assetCategory === undefined ? {} : { category: logged.assetCategory };
    return { via: 'logged', at: logged.date, activity: logged.assetType, ...category, label: logged.assetName };
  }
  const status = workedStatusOf(contact, e.worked ?? []);
  if (status) return { via: 'status', status };
  const last = e.touches
    .filter((t) => salesCategoryOf(t) === LAST_ACTIVITY_TYPE && lastActivityCounts(t.date, start, e.timeZone ?? 'UTC'))
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  return last ? { via: 'last_activity', at: last.date } : undefined;
}

/** The instant a first touch happened, when it is known. */
export function firstTouchTime(first: FirstTouch | undefined): string | undefined {
  return first?.via === 'logged' || first?.via === 'seen' ? first.at : undefined;
}
