import type { Campaign, Touch } from './campaign';
import type { Contact } from './contact';
import { campaignCategoryOf } from './categories';
import { labelFor, LIFECYCLE_LABELS } from './labels';

const LIVE = new Set(['planned', 'in_progress', 'scheduled', 'active']);
// Campaigns with a date to invite someone to; running ads and nurtures are not invitations.
const DATED = new Set(['webinar', 'event', 'conference', 'trade_show', 'roadshow']);
// Member statuses that mean the contact has already said yes (Salesforce and HubSpot wordings).
const ALREADY_IN = /regist|attend|rsvp|accepted|confirmed|checked.?in/i;

/** A campaign worth inviting this contact to, with the date to name and why it fits. */
export type UpcomingCampaign = Campaign & { when: string; fit: string };

/**
 * When a campaign is next worth inviting to: the session or event date if ahead,
 * else its start if ahead, else (for dated ones still running) its end.
 */
function nextDate(c: Campaign, nowIso: string): string | undefined {
  if (c.eventDate) return c.eventDate > nowIso ? c.eventDate : undefined;
  if (c.startDate && c.startDate > nowIso) return c.startDate;
  const dated = DATED.has(c.type.toLowerCase()) || DATED.has(campaignCategoryOf(c));
  if (dated && c.endDate && c.endDate > nowIso) return c.endDate;
  return undefined;
}

function fitReason(c: Campaign, contact: Contact, best: { id: string; name: string } | undefined): string | undefined {
  const a = c.audience;
  if (!a || (!a.personaIds?.length && !a.stages?.length)) return 'Open to every contact';
  if (best && a.personaIds?.includes(best.id)) return `Planned for ${best.name}, this contact’s persona`;
  if (contact.lifecycleStage && a.stages?.includes(contact.lifecycleStage)) {
    return `Planned for the stage ${labelFor(contact.lifecycleStage, LIFECYCLE_LABELS)}`;
  }
  return undefined;
}

/**
 * Campaigns still ahead that fit this contact, soonest first: a rep can invite a
 * prospect to next week's webinar. A campaign fits when it names no audience, or
 * its audience includes the contact's best-fitting persona or lifecycle stage.
 * Campaigns the contact already registered for or attended are left out.
 */
export function upcomingCampaigns(
  campaigns: readonly Campaign[],
  contact: Contact,
  best: { id: string; name: string } | undefined,
  now: Date,
  touches: readonly Pick<Touch, 'campaignId' | 'responseStatus'>[] = [],
  limit = 3,
): UpcomingCampaign[] {
  const nowIso = now.toISOString();
  const joined = new Set(touches.filter((t) => ALREADY_IN.test(t.responseStatus ?? '')).map((t) => t.campaignId));
  const out: UpcomingCampaign[] = [];
  for (const c of campaigns) {
    if (!LIVE.has(c.status.toLowerCase()) || joined.has(c.id)) continue;
    const when = nextDate(c, nowIso);
    const fit = when && fitReason(c, contact, best);
    if (when && fit) out.push({ ...c, when, fit });
  }
  return out.sort((x, y) => x.when.localeCompare(y.when)).slice(0, limit);
}
