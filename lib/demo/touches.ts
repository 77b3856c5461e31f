import type { Touch } from '../domain/campaign';
import type { CampaignSpec } from './campaign-builders';
import { NEWSLETTER_ID, campaignSpec } from './campaigns';
import { DAY_MS, DEMO_NOW_MS, HOUR_MS, iso, ms, randomInstant } from './dates';
import type { Rng } from './random';

/** A touch before ids are assigned; ids follow date order once every touch exists. */
export type DraftTouch = Omit<Touch, 'id'>;

const MINUTE_MS = 60_000;

// Sent, Opened and No-show are the statuses CRMs count as "member, not responded".
const RESPONDED: Readonly<Record<string, boolean>> = {
  Sent: false,
  Opened: false,
  'No-show': false,
  Clicked: true,
  Registered: true,
  Attended: true,
  Downloaded: true,
  Visited: true,
  Submitted: true,
  Responded: true,
};

function assetName(spec: CampaignSpec, assetType: string, index = 0): string {
  const name = spec.assets[assetType]?.[index];
  if (name === undefined) throw new Error(`${spec.campaign.id} has no ${assetType} asset #${index}`);
  return name;
}

function make(email: string, spec: CampaignSpec, assetType: string, name: string, at: number, status: string): DraftTouch {
  const responded = RESPONDED[status];
  if (responded === undefined) throw new Error(`Unknown demo response status ${status}`);
  return { email, campaignId: spec.campaign.id, assetName: name, assetType, date: iso(at), responseStatus: status, responded };
}

/**
 * One hand-written touch for a featured contact. Throws if the date falls outside
 * the campaign or after DEMO_NOW, so a scripting slip cannot ship inconsistent data.
 */
export function scripted(email: string, campaignId: string, assetType: string, date: string, status: string, assetIndex = 0): DraftTouch {
  const spec = campaignSpec(campaignId);
  const at = ms(date);
  if (at < spec.start || at > spec.end || at > DEMO_NOW_MS) throw new Error(`Scripted touch ${campaignId} ${date} is outside the campaign`);
  return make(email, spec, assetType, assetName(spec, assetType, assetIndex), at, status);
}

interface Journey {
  rng: Rng;
  email: string;
  spec: CampaignSpec;
  /** The contact belongs to the campaign's audience, so responds more. */
  engaged: boolean;
  /** Latest moment a touch may carry: campaign end or DEMO_NOW, whichever is first. */
  cap: number;
}

// A moment shortly after `from` but never past the cap (and never before `from`).
const later = (j: Journey, from: number, maxGap: number): number => randomInstant(j.rng, from, Math.min(from + maxGap, j.cap));

function emailStatus(j: Journey): string {
  return j.rng.weighted([
    ['Sent', 4],
    ['Opened', 4],
    ['Clicked', j.engaged ? 5 : 1],
  ]);
}

function webinarJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const airs = spec.keyDate ?? spec.end;
  const invitedAt = randomInstant(rng, spec.start, Math.min(airs - 2 * DAY_MS, j.cap));
  const status = emailStatus(j);
  const out = [make(email, spec, 'email', assetName(spec, 'email'), invitedAt, status)];
  // Some register straight from the website without clicking the invitation.
  const registers = status === 'Clicked' ? rng.chance(0.85) : rng.chance(j.engaged ? 0.35 : 0.08);
  if (!registers) return out;
  const registeredAt = randomInstant(rng, invitedAt, Math.min(airs - HOUR_MS, j.cap));
  out.push(make(email, spec, 'form', assetName(spec, 'form'), registeredAt, 'Registered'));
  const reminderAt = airs - 8 * HOUR_MS;
  if (reminderAt > registeredAt && reminderAt <= j.cap && rng.chance(0.5)) {
    out.push(make(email, spec, 'email', assetName(spec, 'email', 1), reminderAt, rng.pick(['Sent', 'Opened', 'Opened'])));
  }
  if (airs > j.cap) return out;
  const attended = rng.chance(j.engaged ? 0.7 : 0.5);
  out.push(make(email, spec, 'webinar', assetName(spec, 'webinar'), airs, attended ? 'Attended' : 'No-show'));
  return out;
}

function contentJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const type = ['whitepaper', 'ebook', 'case_study'].find((t) => spec.assets[t]) ?? 'whitepaper';
  const names = spec.assets[type] ?? [];
  const at = randomInstant(rng, spec.start, j.cap);
  const first = rng.int(0, names.length - 1);
  const out = [
    make(email, spec, 'form', assetName(spec, 'form'), at, 'Submitted'),
    make(email, spec, type, assetName(spec, type, first), later(j, at, 3 * MINUTE_MS), 'Downloaded'),
  ];
  // Once the form is filled in the site recognises the visitor, so further assets are ungated.
  if (names.length > 1 && rng.chance(j.engaged ? 0.5 : 0.2)) {
    const second = (first + 1) % names.length;
    out.push(make(email, spec, type, assetName(spec, type, second), later(j, at, 45 * DAY_MS), 'Downloaded'));
  }
  return out;
}

function paidJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const visits = rng.chance(0.25) ? 2 : 1;
  const out: DraftTouch[] = [];
  let at = randomInstant(rng, spec.start, j.cap);
  for (let i = 0; i < visits; i++) {
    const ads = spec.assets['ad'] ?? [];
    out.push(make(email, spec, 'ad', assetName(spec, 'ad', rng.int(0, ads.length - 1)), at, 'Clicked'));
    out.push(make(email, spec, 'web_page', assetName(spec, 'web_page'), later(j, at, 2 * MINUTE_MS), 'Visited'));
    at = later(j, at, 30 * DAY_MS);
  }
  return out;
}

function eventJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const opens = spec.keyDate ?? spec.start;
  const registeredAt = randomInstant(rng, spec.start, Math.min(opens - DAY_MS, j.cap));
  const out = [make(email, spec, 'event', assetName(spec, 'event'), registeredAt, 'Registered')];
  if (opens > j.cap) return out;
  if (!rng.chance(j.engaged ? 0.75 : 0.55)) return [...out, make(email, spec, 'event', assetName(spec, 'event'), opens, 'No-show')];
  const attendedAt = randomInstant(rng, opens, j.cap);
  out.push(make(email, spec, 'event', assetName(spec, 'event'), attendedAt, 'Attended'));
  if (rng.chance(j.engaged ? 0.5 : 0.25)) {
    out.push(make(email, spec, 'event', assetName(spec, 'event', 1), later(j, attendedAt, 6 * HOUR_MS), 'Responded'));
  }
  return out;
}

function nurtureJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const subjects = spec.assets['email'] ?? [];
  const count = Math.min(subjects.length, rng.int(2, j.engaged ? subjects.length : 3));
  // Tracks start at email #1; the newsletter has no order, so readers join anywhere.
  const offset = spec.campaign.id === NEWSLETTER_ID ? rng.int(0, subjects.length - count) : 0;
  const out: DraftTouch[] = [];
  let at = randomInstant(rng, spec.start, j.cap);
  for (let i = 0; i < count && at <= j.cap; i++) {
    out.push(make(email, spec, 'email', assetName(spec, 'email', offset + i), at, emailStatus(j)));
    at += rng.int(14, 28) * DAY_MS;
  }
  return out;
}

function partnerJourney(j: Journey): DraftTouch[] {
  const { rng, email, spec } = j;
  const at = randomInstant(rng, spec.start, j.cap);
  const out = [make(email, spec, 'web_page', assetName(spec, 'web_page'), at, 'Visited')];
  if (rng.chance(j.engaged ? 0.7 : 0.4))
    out.push(make(email, spec, 'form', assetName(spec, 'form'), later(j, at, 10 * MINUTE_MS), 'Submitted'));
  return out;
}

const JOURNEYS: Readonly<Record<string, (j: Journey) => DraftTouch[]>> = {
  webinar: webinarJourney,
  content: contentJourney,
  paid_search: paidJourney,
  paid_social: paidJourney,
  event: eventJourney,
  email_nurture: nurtureJourney,
  partner: partnerJourney,
};

/** The touches one contact collects by taking part in one campaign; empty if it has not started. */
export function campaignJourney(rng: Rng, email: string, spec: CampaignSpec, engaged: boolean): DraftTouch[] {
  const cap = Math.min(spec.end, DEMO_NOW_MS);
  const journey = JOURNEYS[spec.campaign.type];
  if (!journey || spec.start > cap) return [];
  return journey({ rng, email, spec, engaged, cap });
}
