import type { Campaign } from './campaign';
import type { Contact } from './contact';

const LIVE = new Set(['planned', 'in_progress', 'scheduled', 'active']);

/**
 * Campaigns still ahead that fit this contact, soonest first: a rep can invite a
 * prospect to next week's webinar. A campaign fits when it names no audience, or
 * its audience includes the contact's best persona or lifecycle stage.
 */
export function upcomingCampaigns(campaigns: readonly Campaign[], contact: Contact, bestPersonaId: string | undefined, now: Date, limit = 3): Campaign[] {
  const nowIso = now.toISOString();
  return campaigns
    .filter((c) => LIVE.has(c.status.toLowerCase()) && (c.endDate ?? c.startDate ?? '') > nowIso)
    .filter((c) => {
      const a = c.audience;
      if (!a || (!a.personaIds?.length && !a.stages?.length)) return true;
      return (!!bestPersonaId && !!a.personaIds?.includes(bestPersonaId)) || (!!contact.lifecycleStage && !!a.stages?.includes(contact.lifecycleStage));
    })
    .sort((x, y) => (x.startDate ?? '').localeCompare(y.startDate ?? ''))
    .slice(0, limit);
}
