import type { Campaign } from './campaign';
import type { Contact } from './contact';

const LIVE = new Set(['planned', 'in_progress', 'scheduled', 'active']);
// Campaigns with a date to invite someone to; running ads and nurtures are not invitations.
const DATED = new Set(['webinar', 'event', 'conference', 'trade_show', 'roadshow']);

/** When a campaign is next worth inviting to: its start if ahead, else (for dated ones) its end. */
function nextDate(c: Campaign, nowIso: string): string | undefined {
  if (c.startDate && c.startDate > nowIso) return c.startDate;
  if (DATED.has(c.type.toLowerCase()) && c.endDate && c.endDate > nowIso) return c.endDate;
  return undefined;
}

/**
 * Campaigns still ahead that fit this contact, soonest first: a rep can invite a
 * prospect to next week's webinar. A campaign fits when it names no audience, or
 * its audience includes the contact's best persona or lifecycle stage.
 */
export function upcomingCampaigns(
  campaigns: readonly Campaign[],
  contact: Contact,
  bestPersonaId: string | undefined,
  now: Date,
  limit = 3,
): Campaign[] {
  const nowIso = now.toISOString();
  return campaigns
    .filter((c) => LIVE.has(c.status.toLowerCase()))
    .map((c) => ({ c, when: nextDate(c, nowIso) }))
    .filter((x): x is { c: Campaign; when: string } => x.when !== undefined)
    .filter(({ c }) => {
      const a = c.audience;
      if (!a || (!a.personaIds?.length && !a.stages?.length)) return true;
      return (
        (!!bestPersonaId && !!a.personaIds?.includes(bestPersonaId)) ||
        (!!contact.lifecycleStage && !!a.stages?.includes(contact.lifecycleStage))
      );
    })
    .sort((x, y) => x.when.localeCompare(y.when))
    .slice(0, limit)
    .map(({ c }) => c);
}
