import type { Contact, LeadSource } from '../../domain/contact';
import type { HubspotObject } from './hubspot-schemas';

/** Contact properties read on every lookup. `hs_persona` is read for completeness; Leadlight scores personas itself. */
export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'jobtitle',
  'company',
  'industry',
  'numemployees',
  'hs_seniority',
  'hs_role',
  'hs_persona',
  'lifecyclestage',
  'hs_lead_status',
  'hubspotscore',
  'hubspot_owner_id',
  'hs_analytics_source',
  'hs_analytics_source_data_1',
  'hs_analytics_source_data_2',
  'hs_latest_source',
  'hs_latest_source_data_1',
  'hs_latest_source_data_2',
  'hs_latest_source_timestamp',
  'createdate',
  'hs_lifecyclestage_marketingqualifiedlead_date',
] as const;

/** Properties whose history is read: the oldest original-source entry dates the first conversion. */
export const HISTORY_PROPERTIES = ['hs_analytics_source', 'hs_latest_source', 'lifecyclestage'] as const;

/** Enumerations whose internal values (e.g. `ATTEMPTED_TO_CONTACT`) mean little to a rep; shown by label. */
export const LABELLED_PROPERTIES = ['industry', 'hs_lead_status'] as const;

/** Property name → internal value → label, from the properties API. */
export type PropertyLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

// HubSpot's source enum → Leadlight channel keys (lib/domain/labels.ts). Values with no
// Leadlight counterpart (OTHER_CAMPAIGNS, AI_REFERRALS, anything new) are kept lower-cased.
const CHANNELS: Readonly<Record<string, string>> = {
  ORGANIC_SEARCH: 'organic_search',
  PAID_SEARCH: 'paid_search',
  EMAIL_MARKETING: 'email',
  SOCIAL_MEDIA: 'organic_social',
  PAID_SOCIAL: 'paid_social',
  REFERRALS: 'referral',
  DIRECT_TRAFFIC: 'direct',
  OFFLINE: 'offline',
};

const LIFECYCLE: Readonly<Record<string, string>> = { marketingqualifiedlead: 'mql', salesqualifiedlead: 'sql' };

/** Leadlight channel key for a HubSpot source value. */
export function channelFor(value: string): string {
  return CHANNELS[value] ?? value.toLowerCase();
}

/** Leadlight lifecycle key; custom stages (numeric ids) and standard ones Leadlight shares are kept. */
export function lifecycleFor(value: string): string {
  return LIFECYCLE[value] ?? value;
}

/** An ISO date from HubSpot's ISO strings or epoch-ms strings; undefined when unreadable. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `numemployees` is a range picklist on contacts ("500-1000", "10000+"); the lower bound is the honest integer. */
export function employeeCount(value: string | null | undefined): number | undefined {
  const match = value ? /^\s*(\d[\d,]*)/.exec(value) : null;
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : undefined;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A label per value; multi-select values arrive `;`-separated. Values with no option keep their raw form. */
function labelled(name: string, value: string | undefined, labels: PropertyLabels): string | undefined {
  if (!value) return undefined;
  const options = labels.get(name);
  return value
    .split(';')
    .map((v) => options?.get(v) ?? v)
    .join(', ');
}

function oldestHistoryDate(object: HubspotObject, property: string): string | undefined {
  const dates = (object.propertiesWithHistory?.[property] ?? []).map((e) => isoDate(e.timestamp)).filter((d) => d !== undefined);
  return dates.sort()[0];
}

function source(p: HubspotObject['properties'], prefix: string, date: string | undefined): LeadSource | undefined {
  const channel = text(p[prefix]);
  if (!channel) return undefined;
  const drillDowns = [text(p[`${prefix}_data_1`]), text(p[`${prefix}_data_2`])].filter((d) => d !== undefined);
  const detail = [...new Set(drillDowns)].join(' / ').slice(0, 500);
  return { channel: channelFor(channel), ...(detail ? { detail } : {}), ...(date ? { date } : {}) };
}

/**
 * A HubSpot contact in Leadlight's model. The original source is dated by its
 * oldest history entry (the first conversion), falling back to the create date;
 * the owner id is left out because only a name would help the rep.
 */
export function mapContact(object: HubspotObject, fallbackEmail: string, labels: PropertyLabels): Partial<Record<keyof Contact, unknown>> {
  const p = object.properties;
  const stage = text(p.lifecyclestage);
  const name = [text(p.firstname), text(p.lastname)].filter(Boolean).join(' ');
  const score = text(p.hubspotscore) === undefined ? undefined : Number(p.hubspotscore);
  const entries: Record<keyof Contact, unknown> = {
    email: text(p.email) ?? fallbackEmail,
    name: name || undefined,
    title: text(p.jobtitle),
    company: text(p.company),
    industry: labelled('industry', text(p.industry), labels),
    companySize: employeeCount(p.numemployees),
    seniority: text(p.hs_seniority),
    department: text(p.hs_role),
    lifecycleStage: stage && lifecycleFor(stage),
    leadStatus: labelled('hs_lead_status', text(p.hs_lead_status), labels),
    score: score !== undefined && Number.isFinite(score) ? score : undefined,
    owner: undefined,
    handoffAt: isoDate(p.hs_lifecyclestage_marketingqualifiedlead_date),
    originalSource: source(p, 'hs_analytics_source', oldestHistoryDate(object, 'hs_analytics_source') ?? isoDate(p.createdate)),
    latestSource: source(p, 'hs_latest_source', isoDate(p.hs_latest_source_timestamp)),
  };
  // Absent keys rather than undefined values, as the other sources store contacts.
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
