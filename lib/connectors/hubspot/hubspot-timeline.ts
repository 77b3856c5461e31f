import type { Campaign, Touch } from '../../domain/campaign';
import type { HubspotEmailCampaign, HubspotEmailEvent } from './hubspot-schemas';

// How far each event type got, and how the timeline words it. Events not listed
// (PROCESSED, DEFERRED, STATUSCHANGE, SPAMREPORT…) say nothing about engagement.
const RESPONSES: Readonly<Record<string, { rank: number; status: string; responded: boolean }>> = {
  CLICK: { rank: 5, status: 'Clicked', responded: true },
  OPEN: { rank: 4, status: 'Opened', responded: true },
  DELIVERED: { rank: 3, status: 'Delivered', responded: false },
  BOUNCE: { rank: 2, status: 'Bounced', responded: false },
  SENT: { rank: 1, status: 'Sent', responded: false },
};

/** Leadlight campaign id for a HubSpot email campaign. */
export const campaignKey = (id: number) => `hubspot-email-${id}`;

/** Campaign ids the events mention, in first-seen order. */
export function campaignIds(events: readonly HubspotEmailEvent[]): number[] {
  return [...new Set(events.flatMap((e) => (e.emailCampaignId === undefined ? [] : [e.emailCampaignId])))];
}

/** HubSpot calls these "marketing emails" in every portal; BATCH_EMAIL and its kin are internal values, not an org's words. */
const MARKETING_EMAIL = 'Marketing email';

function campaignFor(id: number, details: HubspotEmailCampaign | undefined): Campaign {
  const name = (details?.name?.trim() || details?.subject?.trim() || `Marketing email ${id}`).slice(0, 300);
  return { id: campaignKey(id), name, type: MARKETING_EMAIL, category: 'email', status: 'completed' };
}

/**
 * One touch per email campaign, at the contact's strongest response to it
 * (CLICK > OPEN > DELIVERED > BOUNCE > SENT), dated when that response first
 * happened. Ids are deterministic so a re-fetch replaces rather than duplicates.
 * `details` holds the campaigns HubSpot could describe; a deleted one gets a generic name.
 */
export function buildTimeline(
  events: readonly HubspotEmailEvent[],
  details: ReadonlyMap<number, HubspotEmailCampaign | undefined>,
  contact: { id: string; email: string },
): { campaigns: Campaign[]; touches: Touch[] } {
  const strongest = new Map<number, HubspotEmailEvent>();
  for (const event of events) {
    const response = RESPONSES[event.type];
    if (event.emailCampaignId === undefined || !response) continue;
    const best = strongest.get(event.emailCampaignId);
    const bestRank = best ? (RESPONSES[best.type]?.rank ?? 0) : -1;
    if (response.rank > bestRank || (response.rank === bestRank && best && event.created < best.created)) {
      strongest.set(event.emailCampaignId, event);
    }
  }
  const campaigns: Campaign[] = [];
  const touches: Touch[] = [];
  for (const [id, event] of strongest) {
    const campaign = campaignFor(id, details.get(id));
    const response = RESPONSES[event.type] ?? { status: event.type, responded: false };
    campaigns.push(campaign);
    touches.push({
      id: `hubspot-email-${id}-${contact.id}`,
      email: contact.email,
      campaignId: campaign.id,
      assetName: (details.get(id)?.subject?.trim() || campaign.name).slice(0, 300),
      assetType: 'email',
      assetCategory: 'email',
      date: new Date(event.created).toISOString(),
      responseStatus: response.status,
      responded: response.responded,
    });
  }
  touches.sort((a, b) => b.date.localeCompare(a.date));
  return { campaigns, touches };
}
