import { z } from 'zod';
import { CampaignSchema, TouchSchema, type Campaign, type Touch } from '../../domain/campaign';
import { ContactSchema, type Contact } from '../../domain/contact';
import type { ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import type { SfCampaignMember, SfContact, SfLead } from './schemas';

/** A picklist value as a key: "Partner Referral" → "partner_referral". */
export function picklistKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

// Salesforce's stock LeadSource values (and common admin additions) onto
// LEAD_CHANNEL_LABELS keys. Anything else is kept as its key, e.g. "Web" → "web".
const CHANNEL_ALIASES: Readonly<Record<string, string>> = {
  partner_referral: 'partner',
  partners: 'partner',
  employee_referral: 'referral',
  external_referral: 'referral',
  customer_referral: 'referral',
  word_of_mouth: 'referral',
  trade_show: 'event',
  conference: 'event',
  seminar_internal: 'event',
  seminar_partner: 'event',
  content_syndication: 'content',
  cold_call: 'sales_prospecting',
  outbound: 'sales_prospecting',
};

/** LeadSource as a Leadlight channel. */
export function leadChannel(leadSource: string): string {
  const key = picklistKey(leadSource);
  return CHANNEL_ALIASES[key] ?? key;
}

// Campaign.Type onto CAMPAIGN_TYPE_LABELS keys; unknown types stay as the admin wrote them.
const CAMPAIGN_TYPES: Readonly<Record<string, string>> = {
  webinar: 'webinar',
  conference: 'event',
  trade_show: 'event',
  partners: 'partner',
  direct_mail: 'direct_mail',
  content_syndication: 'content',
};

// Campaign.Type onto ASSET_TYPES. A membership says only which campaign reached the
// person, so the asset is inferred from the campaign; web_page is the neutral default.
const ASSET_TYPES: Readonly<Record<string, string>> = {
  webinar: 'webinar',
  email: 'email',
  conference: 'event',
  trade_show: 'event',
  advertisement: 'ad',
  banner_ads: 'ad',
};

const text = (v: string | null | undefined) => v?.trim() || undefined;

function mapMembers(email: string, members: SfCampaignMember[]): { campaigns: Campaign[]; touches: Touch[] } {
  const campaigns = new Map<string, Campaign>();
  const touches: Touch[] = [];
  for (const m of members) {
    const c = m.Campaign;
    if (!c) continue; // a campaign the user may not see has no name to show
    const type = text(c.Type);
    const key = type ? picklistKey(type) : '';
    if (!campaigns.has(c.Id)) {
      campaigns.set(c.Id, {
        id: c.Id,
        name: c.Name,
        type: CAMPAIGN_TYPES[key] ?? type ?? 'Other',
        status: text(c.Status) ?? 'Unknown',
        ...(c.StartDate ? { startDate: c.StartDate } : {}),
        ...(c.EndDate ? { endDate: c.EndDate } : {}),
      });
    }
    touches.push({
      id: m.Id,
      email,
      campaignId: c.Id,
      assetName: c.Name,
      assetType: ASSET_TYPES[key] ?? 'web_page',
      date: m.FirstRespondedDate ?? m.CreatedDate,
      responseStatus: text(m.Status) ?? (m.HasResponded ? 'Responded' : 'Sent'),
      responded: m.HasResponded,
    });
  }
  return { campaigns: [...campaigns.values()], touches };
}

function person(email: string, r: SfLead | SfContact): Contact {
  const leadSource = text(r.LeadSource);
  const name = text(r.Name) ?? text([r.FirstName, r.LastName].filter(Boolean).join(' '));
  return {
    email,
    ...(name ? { name } : {}),
    ...(text(r.Title) ? { title: text(r.Title) } : {}),
    ...(text(r.Owner?.Name) ? { owner: text(r.Owner?.Name) } : {}),
    // LeadSource is set when the record is created, so its date is the creation date.
    ...(leadSource ? { originalSource: { channel: leadChannel(leadSource), date: r.CreatedDate } } : {}),
  };
}

const BundleSchema = z.object({ contact: ContactSchema, campaigns: z.array(CampaignSchema), touches: z.array(TouchSchema) });

function checked(bundle: ContactBundle): ContactBundle {
  const parsed = BundleSchema.safeParse(bundle);
  if (!parsed.success)
    throw new ConnectorError('invalid_response', 'Salesforce sent a record Leadlight could not read.', { detail: parsed.error.message });
  return parsed.data;
}

const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** An open Lead, with its campaign memberships (all pages) already collected. */
export function bundleFromLead(email: string, lead: SfLead, members: SfCampaignMember[]): ContactBundle {
  const contact = compact<Contact>({
    ...person(email, lead),
    company: text(lead.Company),
    industry: text(lead.Industry),
    companySize: lead.NumberOfEmployees ?? undefined,
    lifecycleStage: 'lead',
    leadStatus: text(lead.Status),
  });
  return checked({ contact, ...mapMembers(email, members) });
}

/**
 * A Contact: someone sales already works with. Without reading opportunities the
 * honest stage is "sales qualified", or "customer" when the account is one.
 */
export function bundleFromContact(email: string, record: SfContact, members: SfCampaignMember[]): ContactBundle {
  const account = record.Account;
  const customer = picklistKey(account?.Type ?? '').startsWith('customer');
  const contact = compact<Contact>({
    ...person(email, record),
    company: text(account?.Name),
    industry: text(account?.Industry),
    companySize: account?.NumberOfEmployees ?? undefined,
    department: text(record.Department),
    lifecycleStage: customer ? 'customer' : 'sql',
  });
  return checked({ contact, ...mapMembers(email, members) });
}
