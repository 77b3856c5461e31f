import { channelCategory } from '../../domain/categories';
import { EmailSchema, type Contact, type LeadSource } from '../../domain/contact';
import type { FieldIssue } from '../field-reader';
import type { HubspotRecord } from './hubspot-read';

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
  'recent_conversion_event_name',
  // Sales activity the record itself keeps (see hubspot-sales-activity.ts), for portals whose engagements cannot be read.
  'notes_last_contacted',
  'hs_sa_first_engagement_date',
] as const;

/**
 * Properties whose history is read: the oldest original-source entry dates the first
 * conversion, and every past `recent_conversion_event_name` is a conversion (a form or
 * offer the contact took) that becomes a touch.
 */
export const HISTORY_PROPERTIES = ['hs_analytics_source', 'hs_latest_source', 'lifecyclestage', 'recent_conversion_event_name'] as const;

/** Enumerations whose internal values (e.g. `ATTEMPTED_TO_CONTACT`) mean little to a rep; shown by the portal's label. */
export const LABELLED_PROPERTIES = ['industry', 'hs_lead_status', 'hs_analytics_source', 'hs_latest_source', 'lifecyclestage'] as const;

/** A portal's own lifecycle stage is stored by a numeric id; HubSpot's standard stages are words Leadlight knows. */
export const isCustomStage = (value: string): boolean => /^\d+$/.test(value);

/** What a portal's own lifecycle stage shows when its label cannot be read: its numeric id would mean nothing to a rep. */
export const CUSTOM_STAGE_TEXT = 'Custom stage';

/** Property name → internal value → label, from the properties API. */
export type PropertyLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * HubSpot's own labels for its source values, used when the portal's property
 * options cannot be read (no schema scope). A value not listed shows as HubSpot stores it.
 */
export const HUBSPOT_SOURCE_LABELS: Readonly<Record<string, string>> = {
  ORGANIC_SEARCH: 'Organic Search',
  PAID_SEARCH: 'Paid Search',
  EMAIL_MARKETING: 'Email Marketing',
  SOCIAL_MEDIA: 'Organic Social',
  REFERRALS: 'Referrals',
  OTHER_CAMPAIGNS: 'Other Campaigns',
  DIRECT_TRAFFIC: 'Direct Traffic',
  OFFLINE: 'Offline Sources',
  PAID_SOCIAL: 'Paid Social',
  AI_REFERRALS: 'AI Referrals',
};

const LIFECYCLE: Readonly<Record<string, string>> = { marketingqualifiedlead: 'mql', salesqualifiedlead: 'sql' };

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

// Cut to what Leadlight stores (300 characters): a long value is still shown, not refused.
function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 300) : undefined;
}

/** A label per value; multi-select values arrive `;`-separated. Values with no option keep their raw form. */
function labelled(name: string, value: string | undefined, labels: PropertyLabels): string | undefined {
  if (!value) return undefined;
  const options = labels.get(name);
  return value
    .split(';')
    .map((v) => options?.get(v) ?? v)
    .join(', ')
    .slice(0, 200);
}

/**
 * A portal's own stage by its label. Without one (the app may not read property definitions,
 * or the stage was deleted since) it shows as a custom stage, and the diagnostics keep the id.
 */
function customStage(id: string, labels: PropertyLabels, issues: FieldIssue[]): string {
  const label = labels.get('lifecyclestage')?.get(id)?.trim();
  if (label) return label.slice(0, 200);
  issues.push({ vendor: 'HubSpot', object: 'contact', field: `properties.lifecyclestage label for ${id}`, problem: 'unreadable' });
  return CUSTOM_STAGE_TEXT;
}

function oldestHistoryDate(object: HubspotRecord, property: string): string | undefined {
  const dates = (object.history[property] ?? []).map((e) => isoDate(e.timestamp)).filter((d) => d !== undefined);
  return dates.sort()[0];
}

/**
 * Reads the contact's properties, noting each one HubSpot sent but Leadlight cannot
 * read (a score that is not a number, a date that is not a date): that field is
 * left out and named in `unknownFields`, and the rest of the contact still shows.
 */
class Properties {
  readonly unknown = new Set<keyof Contact>();
  constructor(
    private readonly object: HubspotRecord,
    private readonly issues: FieldIssue[],
  ) {}
  /** A text property; with `field`, one HubSpot sent unreadable makes that field unknown. */
  text(name: string, field?: keyof Contact): string | undefined {
    if (field && this.object.unreadable.has(name)) this.unknown.add(field);
    return text(this.object.properties[name]);
  }
  /** A field the record has a value for that Leadlight could not read: shown as unknown. */
  unknownField(field: keyof Contact): undefined {
    this.unknown.add(field);
    return undefined;
  }
  /** `field` is the Leadlight field shown as unknown when the value cannot be read; null when a fallback stands in. */
  parsed<T>(name: string, field: keyof Contact | null, parse: (v: string) => T | undefined): T | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    const value = parse(raw);
    if (value === undefined) {
      this.issues.push({ vendor: 'HubSpot', object: 'contact', field: `properties.${name}`, problem: 'unreadable' });
      if (field) this.unknown.add(field);
    }
    return value;
  }
}

/**
 * A source as the portal labels it ("Paid Social"), with Leadlight's category taken
 * from HubSpot's internal value, which no portal renames.
 */
function source(p: Properties, prefix: string, date: string | undefined, labels: PropertyLabels): LeadSource | undefined {
  const value = p.text(prefix, prefix === 'hs_analytics_source' ? 'originalSource' : 'latestSource');
  if (!value) return undefined;
  const drillDowns = [p.text(`${prefix}_data_1`), p.text(`${prefix}_data_2`)].filter((d) => d !== undefined);
  const detail = [...new Set(drillDowns)].join(' / ').slice(0, 500);
  const channel = (labels.get(prefix)?.get(value) ?? HUBSPOT_SOURCE_LABELS[value] ?? value).slice(0, 200);
  return { channel, category: channelCategory(value), ...(detail ? { detail } : {}), ...(date ? { date } : {}) };
}

const number = (v: string) => {
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * A HubSpot contact in Leadlight's model. The original source is dated by its
 * oldest history entry (the first conversion), falling back to the create date.
 * The owner is `ownerName`, read from the owners API (hubspot-owners.ts): an owner
 * id alone would mean nothing to the rep, so an owner without a name is unknown.
 */
export function mapContact(
  object: HubspotRecord,
  fallbackEmail: string,
  labels: PropertyLabels,
  issues: FieldIssue[] = [],
  ownerName?: string,
): Partial<Record<keyof Contact, unknown>> {
  const p = new Properties(object, issues);
  const stage = p.text('lifecyclestage');
  // Each part is cut to what Leadlight stores, so the two together are cut again.
  const name = [p.text('firstname'), p.text('lastname')].filter(Boolean).join(' ').slice(0, 300);
  const entries: Record<keyof Contact, unknown> = {
    // The address asked about stands in for one HubSpot holds in a form Leadlight cannot read.
    email: p.parsed('email', null, (v) => (EmailSchema.safeParse(v).success ? v : undefined)) ?? fallbackEmail,
    name: name || undefined,
    title: p.text('jobtitle', 'title'),
    company: p.text('company', 'company'),
    industry: labelled('industry', p.text('industry', 'industry'), labels),
    companySize: p.parsed('numemployees', 'companySize', (v) => employeeCount(v)),
    seniority: p.text('hs_seniority', 'seniority'),
    department: p.text('hs_role', 'department'),
    // A custom stage means nothing to Leadlight's logic: it is shown as the portal names it, never as its id.
    lifecycleStage: stage && (isCustomStage(stage) ? customStage(stage, labels, issues) : lifecycleFor(stage)),
    leadStatus: labelled('hs_lead_status', p.text('hs_lead_status', 'leadStatus'), labels),
    score: p.parsed('hubspotscore', 'score', number),
    owner: p.text('hubspot_owner_id', 'owner') === undefined ? undefined : (ownerName ?? p.unknownField('owner')),
    handoffAt: p.parsed('hs_lifecyclestage_marketingqualifiedlead_date', 'handoffAt', isoDate),
    originalSource: source(
      p,
      'hs_analytics_source',
      // The first conversion; else when the record was created (the property, then the object's own createdAt).
      oldestHistoryDate(object, 'hs_analytics_source') ?? p.parsed('createdate', 'originalSource', isoDate) ?? isoDate(object.createdAt),
      labels,
    ),
    latestSource: source(p, 'hs_latest_source', p.parsed('hs_latest_source_timestamp', 'latestSource', isoDate), labels),
    unknownFields: undefined,
  };
  if (p.unknown.size) entries.unknownFields = [...p.unknown];
  // Absent keys rather than undefined values, as the other sources store contacts.
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
