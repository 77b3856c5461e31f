import type { Campaign } from '../domain/campaign';
import { DAY_MS, HOUR_MS, iso, ms } from './dates';
import type { DemoPersonaId } from './personas';

/** A campaign plus what the generator needs to invent believable responses to it. */
export interface CampaignSpec {
  campaign: Campaign;
  start: number;
  end: number;
  /** The moment a webinar airs or an event opens; touches cluster around it. */
  keyDate?: number;
  /** Personas it was built for; their contacts join it more often and respond more. */
  audience: readonly DemoPersonaId[];
  /** Relative reach; 0 keeps it out of the random mix (scripted campaigns only). */
  reach: number;
  /** Asset names by asset type. */
  assets: Readonly<Partial<Record<string, readonly string[]>>>;
  /** What a CRM would record as lead-source detail when this campaign creates a lead. */
  sourceDetail: string;
}

type Status = 'completed' | 'in_progress' | 'planned' | 'aborted';

interface Base {
  id: string;
  name: string;
  status: Status;
  audience: readonly DemoPersonaId[];
  reach: number;
}

const dayStart = (day: string): number => ms(`${day}T00:00:00.000Z`);
// Campaigns run to the end of their last day, so touches on that day stay inside.
const dayEnd = (day: string): number => dayStart(day) + DAY_MS - 60_000;

function spec(
  base: Base,
  type: string,
  start: number,
  end: number,
  rest: Pick<CampaignSpec, 'assets' | 'sourceDetail'> & { keyDate?: number },
): CampaignSpec {
  return {
    campaign: {
      id: base.id,
      name: base.name,
      type,
      status: base.status,
      startDate: iso(start),
      endDate: iso(end),
      // Webinars and events have a session to name and a registration page to send.
      ...(rest.keyDate === undefined ? {} : { eventDate: iso(rest.keyDate), inviteUrl: `https://brightwave.example/register/${base.id}` }),
      audience: { personaIds: base.audience.filter((a) => a !== 'other') },
    },
    start,
    end,
    audience: base.audience,
    reach: base.reach,
    ...rest,
  };
}

/** Webinar promoted from `from`, airing at 16:00 UTC on `airs` (its end date). */
export function webinar(base: Base, from: string, airs: string): CampaignSpec {
  return spec(base, 'webinar', dayStart(from), dayEnd(airs), {
    keyDate: dayStart(airs) + 16 * HOUR_MS,
    assets: {
      email: [`Invitation: ${base.name}`, `Reminder: ${base.name} starts soon`],
      form: [`Registration – ${base.name}`],
      webinar: [`${base.name} (live session)`],
    },
    sourceDetail: base.name,
  });
}

/** Gated content: a download form in front of one or more assets of `assetType`. */
export function content(base: Base, from: string, to: string, assetType: string, assetNames: readonly string[]): CampaignSpec {
  return spec(base, 'content', dayStart(from), dayEnd(to), {
    assets: { form: [`Download form – ${base.name}`], [assetType]: assetNames },
    sourceDetail: base.name,
  });
}

/** Paid search or social: ad clicks landing on one page, tracked by UTM parameters. */
export function paid(
  base: Base,
  type: 'paid_search' | 'paid_social',
  from: string,
  to: string,
  utm: { source: string; campaign: string },
  ads: readonly string[],
  landingPage: string,
): CampaignSpec {
  const medium = type === 'paid_search' ? 'cpc' : 'paid_social';
  return spec(base, type, dayStart(from), dayEnd(to), {
    assets: { ad: ads, web_page: [landingPage] },
    sourceDetail: `utm_source=${utm.source}&utm_medium=${medium}&utm_campaign=${utm.campaign}`,
  });
}

/** In-person event: registration opens on `from`, doors open `opens`, closes `closes`. */
export function event(base: Base, from: string, opens: string, closes: string): CampaignSpec {
  return spec(base, 'event', dayStart(from), dayEnd(closes), {
    keyDate: dayStart(opens) + 8 * HOUR_MS,
    assets: { event: [base.name, `Booth demo – ${base.name}`] },
    sourceDetail: base.name,
  });
}

/** Email nurture track; subjects are sent in order. */
export function nurture(base: Base, from: string, to: string, subjects: readonly string[]): CampaignSpec {
  return spec(base, 'email_nurture', dayStart(from), dayEnd(to), { assets: { email: subjects }, sourceDetail: base.name });
}

/** Partner referral: the partner links to a co-branded page with a contact form. */
export function partner(base: Base, from: string, to: string, partnerName: string, partnerDomain: string): CampaignSpec {
  return spec(base, 'partner', dayStart(from), dayEnd(to), {
    assets: { web_page: [`${partnerName} × Brightwave landing page`], form: [`Partner referral form – ${partnerName}`] },
    sourceDetail: `referrer=https://${partnerDomain}/partners/brightwave`,
  });
}
