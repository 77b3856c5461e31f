import type { Contact } from '../domain/contact';
import { SALES_ACTIVITY_CAMPAIGN_ID } from '../domain/sales-activity';
import { addBusinessHours } from '../domain/sla';
import { workedStatusOf } from '../domain/worked-status';
import { DAY_MS, DEMO_NOW_MS, HOUR_MS, iso } from './dates';
import { DEMO_SLA } from './demo-sla';
import type { Rng } from './random';
import type { DraftTouch } from './touches';

/**
 * Calls, emails and meetings the reps logged in the demo CRM after each hand-off,
 * so the demo shows every SLA state: met, missed, overdue, due soon, on time, and
 * worked without a recorded time. Reps differ in how quickly they pick leads up,
 * which the report's SLA table by owner then shows.
 */

// Share of hand-offs each rep touches within the SLA.
const PACE: Readonly<Record<string, number>> = {
  'Alex Rivera': 0.85,
  'Jamie Chen': 0.6,
  'Morgan Patel': 0.75,
  'Sam Okonkwo': 0.7,
  'Riley Novak': 0.45,
};

const LABELS: Readonly<Record<'call' | 'sales_email' | 'meeting', readonly string[]>> = {
  call: ['Intro call', 'Discovery call', 'Follow-up call', 'Qualification call', 'Pricing call'],
  sales_email: ['Intro email', 'Follow-up: next steps', 'Re: pilot scope', 'Case study you asked for', 'Checking in'],
  meeting: ['Discovery meeting', 'Product demo', 'Technical deep-dive', 'Pricing review'],
};
type ActivityType = keyof typeof LABELS;

// What the demo org's reps pick as the activity's type: its Type picklist, with a value of its own for demos.
const ORG_TYPES: Readonly<Record<ActivityType, string>> = { call: 'Call', sales_email: 'Email', meeting: 'Meeting' };
const orgType = (category: ActivityType, label: string) => (/\bdemo\b/i.test(label) ? 'Demo' : ORG_TYPES[category]);

/** The demo's worked statuses (see worked-status.ts), which a rep sets once a lead is being worked. */
const WORKED = ['attempting_contact', 'in_progress', 'connected', 'unqualified', 'sql', 'opportunity', 'customer'];

/** One logged sales activity, with no status (the demo CRM logs none). Dates are whole minutes, as CRMs store them. */
export function activity(email: string, category: ActivityType, at: number | string, label: string): DraftTouch {
  const ms = typeof at === 'string' ? Date.parse(at) : at;
  return {
    email,
    campaignId: SALES_ACTIVITY_CAMPAIGN_ID,
    assetName: label,
    assetType: orgType(category, label),
    assetCategory: category,
    date: iso(ms - (ms % 60_000)),
    responded: false,
  };
}

const advanced = (c: Contact) => ['sql', 'opportunity', 'customer'].includes(c.lifecycleStage ?? '');

function followUps(rng: Rng, c: Contact, from: number): DraftTouch[] {
  const out: DraftTouch[] = [];
  let at = from;
  for (let n = advanced(c) ? rng.int(1, 4) : rng.int(0, 2); n > 0; n--) {
    at += rng.int(1, 12) * DAY_MS + rng.int(-3, 3) * HOUR_MS;
    if (at > DEMO_NOW_MS) break;
    const type = rng.weighted<ActivityType>([
      ['sales_email', 40],
      ['call', 35],
      ['meeting', advanced(c) ? 25 : 5],
    ]);
    out.push(activity(c.email, type, at, rng.pick(LABELS[type])));
  }
  return out;
}

/**
 * The activities logged for one handed-off contact. Some leads were worked (their
 * status says so) with nothing logged; some new ones wait untouched; the rest get a
 * first touch in time or late, as the owner's pace has it, then follow-ups.
 */
export function salesActivitiesFor(rng: Rng, c: Contact): DraftTouch[] {
  if (!c.handoffAt) return [];
  const pace = PACE[c.owner ?? ''] ?? 0.6;
  const worked = workedStatusOf(c, WORKED) !== undefined;
  // Untouched leads are recent ones, and more of them sit with the slower reps; old ones got a call eventually.
  const recent = DEMO_NOW_MS - Date.parse(c.handoffAt) < 45 * DAY_MS;
  if (rng.chance(worked ? 0.12 : recent ? 0.8 * (1 - pace) : 0)) return [];
  const inTime = rng.chance(pace);
  const hours = inTime ? 0.1 + rng.next() * 3.8 : 4.5 + rng.next() * 26;
  const first = addBusinessHours(new Date(c.handoffAt), hours, DEMO_SLA).getTime();
  if (first > DEMO_NOW_MS) return [];
  const type = rng.weighted<ActivityType>([
    ['call', 55],
    ['sales_email', 40],
    ['meeting', 5],
  ]);
  return [activity(c.email, type, first, rng.pick(LABELS[type])), ...followUps(rng, c, first)];
}
