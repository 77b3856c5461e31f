import type { z } from 'zod';
import { CampaignSchema, TouchSchema, type Campaign, type Touch } from '../domain/campaign';
import { ContactSchema, EmailSchema, type Contact, type LeadSource } from '../domain/contact';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type MappedRow } from './fields';
import { campaignIdFor, touchIdFor } from './ids';
import { Memo, RowError, attempt, unwrap, type Outcome } from './row-outcome';
import {
  assetTypeForCampaign,
  normalizeAssetType,
  normalizeCampaignType,
  normalizeChannel,
  normalizeLeadStatus,
  normalizeLifecycle,
  parseBoolean,
  parseDate,
  parseNumber,
  statusMeansResponded,
} from './values';

export type RowRecords = { contact: Contact; campaign?: Campaign; touch?: Touch };
export type RowResult = { ok: true; records: RowRecords } | { ok: false; reason: string };

const LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<ImportField, string>;

/**
 * Copies only given values, so absent columns stay absent keys as the schemas
 * expect. Built up rather than deleted from: `delete` turns V8 objects into slow
 * dictionaries, and every row's objects pass through zod.
 */
function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined && o[k] !== '') out[k] = o[k];
  return out as T;
}

function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RowError(`${what} ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`.replace(' :', ':'));
}

function source(channel: string, detail: string, date: string | undefined): LeadSource | undefined {
  const c = normalizeChannel(channel);
  return c ? compact({ channel: c, detail: detail || undefined, date }) : undefined;
}

/**
 * One mapped row → its contact, and the campaign and touch when the row names a
 * campaign. Anything that would put a wrong fact in front of a rep (no usable
 * email, a date we cannot read) rejects the row with a reason; optional numbers
 * that do not parse are dropped instead, since a missing score misleads no one.
 */
export function rowToRecords(row: MappedRow, mapping: ColumnMapping = {}): RowResult {
  try {
    return { ok: true, records: build(row, mapping) };
  } catch (e) {
    if (e instanceof RowError) return { ok: false, reason: e.message };
    throw e;
  }
}

const CONTACT_FIELDS = IMPORT_FIELDS.filter((f) => f.group !== 'touch').map((f) => f.key);
const SEP = '\u0001';

function contactFrom(row: MappedRow, mapping: ColumnMapping): Contact {
  if (!row.email) throw new RowError('No email');
  const email = EmailSchema.safeParse(row.email.trim());
  if (!email.success) throw new RowError(`Invalid email “${row.email}”`);
  const date = (field: 'handoffAt' | 'originalSourceDate' | 'latestSourceDate') => {
    const parsed = parseDate(row[field]);
    if (parsed === null) throw new RowError(`Unreadable date in “${mapping[field] ?? LABELS[field]}”: ${row[field]}`);
    return parsed;
  };
  const size = parseNumber(row.companySize);
  const score = parseNumber(row.score);
  const name = row.fullName || [row.firstName, row.lastName].filter(Boolean).join(' ');
  return valid(
    ContactSchema,
    compact({
      email: email.data,
      name,
      title: row.title,
      company: row.company,
      industry: row.industry,
      companySize: size != null && Number.isInteger(size) && size >= 0 ? size : undefined,
      seniority: row.seniority,
      department: row.department,
      lifecycleStage: normalizeLifecycle(row.lifecycleStage),
      leadStatus: normalizeLeadStatus(row.leadStatus),
      score: score ?? undefined,
      owner: row.owner,
      handoffAt: date('handoffAt'),
      originalSource: source(row.originalSource, row.originalSourceDetail, date('originalSourceDate')),
      latestSource: source(row.latestSource, row.latestSourceDetail, date('latestSourceDate')),
    }),
    'Contact',
  );
}

function campaignFrom(key: string): Campaign {
  const [id = '', name = '', type = '', status = ''] = key.split(SEP);
  return valid(CampaignSchema, { id: id || campaignIdFor(name), name, type, status }, 'Campaign');
}

const contacts = new Memo<Outcome<Contact>>();
const campaigns = new Memo<Outcome<Campaign>>();

function build(row: MappedRow, mapping: ColumnMapping): RowRecords {
  const contactKey = CONTACT_FIELDS.map((f) => row[f]).join(SEP);
  const contact = unwrap(contacts.for(mapping).get(contactKey, () => attempt(() => contactFrom(row, mapping))));
  const campaignName = row.campaign || row.campaignId;
  if (!campaignName) return { contact };

  const type = normalizeCampaignType(row.campaignType) ?? 'other';
  const campaignKey = [row.campaignId, campaignName, type, row.campaignStatus || 'unknown'].join(SEP);
  const campaign = unwrap(campaigns.get(campaignKey, () => attempt(() => campaignFrom(campaignKey))));

  const dates = { date: parseDate(row.date), respondedDate: parseDate(row.respondedDate) };
  for (const field of ['date', 'respondedDate'] as const) {
    if (dates[field] === null) throw new RowError(`Unreadable date in “${mapping[field] ?? LABELS[field]}”: ${row[field]}`);
  }
  const responded = parseBoolean(row.responded);
  if (responded === null) throw new RowError(`Responded must be yes/no, true/false or 1/0, not “${row.responded}”`);
  const date = dates.respondedDate ?? dates.date;
  if (!date) throw new RowError(`No date for the touch in “${campaignName}”`);
  const didRespond = responded ?? (dates.respondedDate !== undefined || statusMeansResponded(row.status));
  const assetName = row.asset || campaign.name;
  const touch = valid(
    TouchSchema,
    {
      // Keyed on the membership date when there is one: it stays put when a later
      // export adds a First Responded Date, so the touch is updated, not doubled.
      id: touchIdFor(contact.email, campaign.id, assetName, dates.date ?? date),
      email: contact.email,
      campaignId: campaign.id,
      assetName,
      assetType: normalizeAssetType(row.assetType) ?? assetTypeForCampaign(type),
      date,
      responseStatus: row.status || (didRespond ? 'Responded' : 'Sent'),
      responded: didRespond,
    },
    'Touch',
  );
  return { contact, campaign, touch };
}
