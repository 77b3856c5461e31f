import type { Contact, LeadSource } from '../domain/contact';
import { campaignSpec } from './campaigns';
import type { DraftTouch } from './touches';

// Campaign type → lead-source channel, as a marketing-automation tool would map it.
const CHANNEL_BY_CAMPAIGN_TYPE: Readonly<Record<string, string>> = {
  webinar: 'webinar',
  content: 'content',
  paid_search: 'paid_search',
  paid_social: 'paid_social',
  event: 'event',
  email_nurture: 'email',
  partner: 'partner',
};

/** The lead source a CRM would record for a touch: channel, campaign detail and date. */
export function sourceFromTouch(touch: DraftTouch): LeadSource {
  const spec = campaignSpec(touch.campaignId);
  return {
    channel: CHANNEL_BY_CAMPAIGN_TYPE[spec.campaign.type] ?? spec.campaign.type,
    detail: spec.sourceDetail,
    date: touch.date,
  };
}

/**
 * Fills original and latest source from the contact's first and last touch, keeping
 * any source already set (leads that arrived before marketing ever touched them).
 * `touches` must be in date order.
 */
export function withSources(contact: Contact, touches: readonly DraftTouch[]): Contact {
  const first = touches[0];
  const last = touches[touches.length - 1];
  const originalSource = contact.originalSource ?? (first ? sourceFromTouch(first) : undefined);
  const latestSource = contact.latestSource ?? (last ? sourceFromTouch(last) : originalSource);
  // Absent keys rather than `undefined` values, as a CRM export would look.
  return {
    ...contact,
    ...(originalSource ? { originalSource } : {}),
    ...(latestSource ? { latestSource } : {}),
  };
}
