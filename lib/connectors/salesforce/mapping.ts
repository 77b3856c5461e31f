import { z } from 'zod';
import { CampaignSchema, TouchSchema, type Campaign, type Touch } from '../../domain/campaign';
import { assetCategory, campaignCategory, channelCategory } from '../../domain/categories';
import { ContactSchema, type Contact } from '../../domain/contact';
import type { ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import { NameText, RecordReader, ValueText, type FieldIssue } from '../field-reader';
import type { LabelledObject, LabelOf } from './picklist-labels';
import { SalesforceIdSchema, SfDateSchema, SfDateTimeSchema } from './schemas';

/** A picklist value as a key: "Customer - Direct" → "customer_direct". */
export function picklistKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Values as the org stores them, for a caller with no describe to hand. */
export const asWritten: LabelOf = (_object, _field, value) => value;

const VENDOR = 'Salesforce';
// Liberal in what we accept: an employee count sent as a numeric string still counts.
const Count = z
  .union([z.number(), z.string().regex(/^\s*\d+\s*$/)])
  .transform(Number)
  .pipe(z.number().int().nonnegative());

/** One membership as a campaign and a touch; undefined when it cannot be placed (noted, or a campaign the user may not see). */
function readMember(raw: unknown, email: string, issues: FieldIssue[], labelOf: LabelOf): { campaign: Campaign; touch: Touch } | undefined {
  const m = new RecordReader(VENDOR, 'CampaignMember', raw, issues);
  const id = m.expected('Id', SalesforceIdSchema);
  const c = m.child('Campaign');
  // null when the user may not see the campaign (sharing rules): nothing to show, nothing wrong.
  if (!id || !c) return undefined;
  const campaignId = c.expected('Id', SalesforceIdSchema) ?? m.optional('CampaignId', SalesforceIdSchema);
  if (!campaignId) return undefined;
  const name = c.expected('Name', NameText) ?? 'Unknown campaign';
  const type = c.optional('Type', ValueText);
  const startDate = c.optional('StartDate', SfDateSchema);
  const endDate = c.optional('EndDate', SfDateSchema);
  const responded = m.expected('HasResponded', z.boolean());
  const asset = assetCategory(type, name);
  const date = m.optional('FirstRespondedDate', SfDateSchema) ?? m.expected('CreatedDate', SfDateTimeSchema) ?? startDate;
  if (!date) return undefined;
  const status = c.optional('Status', ValueText);
  // Shown as the org labels it; grouped by Leadlight's category of the stored value.
  const campaign: Campaign = {
    id: campaignId,
    name,
    type: type ? labelOf('Campaign', 'Type', type).slice(0, 200) : 'Other',
    category: type ? campaignCategory(type) : 'other',
    status: status ? labelOf('Campaign', 'Status', status).slice(0, 200) : 'Unknown',
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
  };
  const touch: Touch = {
    id,
    email,
    campaignId,
    assetName: name,
    // A membership names no asset: the campaign's type or name may say what it was (an eBook); else it is "other", never a guess.
    assetType: asset,
    assetCategory: asset,
    date,
    // The member status as the org wrote it; without one, nothing is made up (responded still counts).
    ...optionalStatus(m.optional('Status', ValueText)),
    responded: responded ?? false,
  };
  return { campaign, touch };
}

const optionalStatus = (status: string | undefined) => (status ? { responseStatus: status } : {});

/** What a lookup read beside the person: campaign memberships (raw, all pages) and logged activities (read by ./activities.ts). */
export type Related = { members: readonly unknown[]; activities?: readonly Touch[] };

function mapRelated(
  email: string,
  { members, activities = [] }: Related,
  issues: FieldIssue[],
  labelOf: LabelOf,
): { campaigns: Campaign[]; touches: Touch[] } {
  const campaigns = new Map<string, Campaign>();
  const touches: Touch[] = [];
  for (const raw of members) {
    const read = readMember(raw, email, issues, labelOf);
    if (!read) continue;
    if (!campaigns.has(read.campaign.id)) campaigns.set(read.campaign.id, read.campaign);
    touches.push(read.touch);
  }
  return { campaigns: [...campaigns.values()], touches: [...touches, ...activities] };
}

/** Reads a contact field, and names it in `unknown` when the CRM sent something unreadable. */
function tracked<T>(issues: FieldIssue[], unknown: Set<keyof Contact>, field: keyof Contact, read: () => T): T {
  const before = issues.length;
  const value = read();
  if (issues.length > before) unknown.add(field);
  return value;
}

/** A Lead's or Contact's Id, its identity: without it the lookup fails, naming the object and field (before any more calls). */
export function requireId(raw: unknown, object: 'Lead' | 'Contact'): string {
  return new RecordReader(VENDOR, object, raw, []).required('Id', SalesforceIdSchema);
}

/** The fields Lead and Contact share. The Id is the record's identity: without it the lookup fails, naming it. */
function person(r: RecordReader, email: string, issues: FieldIssue[], unknown: Set<keyof Contact>, labelOf: LabelOf): Contact {
  const object = r.object === 'Lead' ? 'Lead' : 'Contact';
  const name =
    tracked(issues, unknown, 'name', () => r.optional('Name', NameText)) ??
    ([r.optional('FirstName', NameText), r.optional('LastName', NameText)].filter(Boolean).join(' ') || undefined);
  const leadSource = tracked(issues, unknown, 'originalSource', () => r.optional('LeadSource', ValueText));
  // LeadSource is set when the record is created, so its date is the creation date.
  // An unreadable CreatedDate leaves the source undated (noted); the source itself is still known.
  const created = r.expected('CreatedDate', SfDateTimeSchema);
  const owner = tracked(issues, unknown, 'owner', () => r.child('Owner')?.optional('Name', NameText));
  return compact<Contact>({
    email,
    name,
    title: tracked(issues, unknown, 'title', () => r.optional('Title', NameText)),
    owner,
    originalSource: leadSource
      ? compact({ channel: labelOf(object, 'LeadSource', leadSource).slice(0, 200), category: channelCategory(leadSource), date: created })
      : undefined,
  });
}

const BundleSchema = z.object({ contact: ContactSchema, campaigns: z.array(CampaignSchema), touches: z.array(TouchSchema) });

function checked(bundle: ContactBundle, object: string): ContactBundle {
  const parsed = BundleSchema.safeParse(bundle);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'record';
    throw new ConnectorError('invalid_response', `Salesforce ${object} could not be read (${field}).`, { detail: parsed.error.message });
  }
  return { ...parsed.data, ...(bundle.issues?.length ? { issues: bundle.issues } : {}) };
}

const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const label = (labelOf: LabelOf, object: LabelledObject, field: string, value: string | undefined) =>
  value === undefined ? undefined : labelOf(object, field, value).slice(0, 200);

function withUnknown(contact: Contact, unknown: Set<keyof Contact>): Contact {
  return unknown.size ? { ...contact, unknownFields: [...unknown] } : contact;
}

/** An open Lead (raw, as the query returned it), with what was read beside it. */
export function bundleFromLead(
  email: string,
  raw: unknown,
  related: Related,
  issues: FieldIssue[] = [],
  labelOf: LabelOf = asWritten,
): ContactBundle {
  requireId(raw, 'Lead');
  const r = new RecordReader(VENDOR, 'Lead', raw, issues);
  const unknown = new Set<keyof Contact>();
  const contact = compact<Contact>({
    ...person(r, email, issues, unknown, labelOf),
    company: tracked(issues, unknown, 'company', () => r.optional('Company', NameText)),
    industry: label(
      labelOf,
      'Lead',
      'Industry',
      tracked(issues, unknown, 'industry', () => r.optional('Industry', ValueText)),
    ),
    companySize: tracked(issues, unknown, 'companySize', () => r.optional('NumberOfEmployees', Count)),
    lifecycleStage: 'lead',
    // "Working - Contacted" stays "Working - Contacted": the team's own status, as the org labels it.
    leadStatus: label(
      labelOf,
      'Lead',
      'Status',
      tracked(issues, unknown, 'leadStatus', () => r.optional('Status', ValueText)),
    ),
  });
  return checked({ contact: withUnknown(contact, unknown), ...mapRelated(email, related, issues, labelOf), issues }, 'Lead');
}

const squashName = (name: string | undefined) => name?.trim().replace(/\s+/g, ' ').toLowerCase() ?? '';

/**
 * Whether the Contact's Account is a Person Account: the person themself, no company.
 * IsPersonAccount says so when a record carries it, but the query does not select it:
 * in orgs without Person Accounts the field does not exist and Salesforce would refuse
 * the whole query. A Person Account is named after its person, so the Account's name
 * being the Contact's (either name order, as locales write it) tells as much.
 */
function isPersonAccount(r: RecordReader, account: RecordReader | undefined, accountName: string | undefined, name?: string): boolean {
  if (r.rawField('IsPersonAccount') === true || account?.rawField('IsPersonAccount') === true) return true;
  // Read raw, only to compare: an unreadable name is for person() to note.
  const text = (field: string) => (typeof r.rawField(field) === 'string' ? (r.rawField(field) as string) : undefined);
  const first = text('FirstName');
  const last = text('LastName');
  const names = [name, [first, last].filter(Boolean).join(' '), [last, first].filter(Boolean).join(' ')].map(squashName);
  return !!accountName && names.includes(squashName(accountName));
}

/**
 * A Contact: someone sales already works with. Without reading opportunities the
 * honest stage is "sales qualified", or "customer" when the account is one.
 */
export function bundleFromContact(
  email: string,
  raw: unknown,
  related: Related,
  issues: FieldIssue[] = [],
  labelOf: LabelOf = asWritten,
): ContactBundle {
  requireId(raw, 'Contact');
  const r = new RecordReader(VENDOR, 'Contact', raw, issues);
  const unknown = new Set<keyof Contact>();
  const base = person(r, email, issues, unknown, labelOf);
  const account = r.child('Account');
  const accountType = account?.optional('Type', ValueText);
  const accountName = tracked(issues, unknown, 'company', () => account?.optional('Name', NameText));
  const contact = compact<Contact>({
    ...base,
    company: isPersonAccount(r, account, accountName, base.name) ? undefined : accountName,
    industry: label(
      labelOf,
      'Account',
      'Industry',
      tracked(issues, unknown, 'industry', () => account?.optional('Industry', ValueText)),
    ),
    companySize: tracked(issues, unknown, 'companySize', () => account?.optional('NumberOfEmployees', Count)),
    department: tracked(issues, unknown, 'department', () => r.optional('Department', ValueText)),
    lifecycleStage: picklistKey(accountType ?? '').startsWith('customer') ? 'customer' : 'sql',
  });
  return checked({ contact: withUnknown(contact, unknown), ...mapRelated(email, related, issues, labelOf), issues }, 'Contact');
}
