import { CampaignSchema, TouchSchema, type Campaign, type Touch } from '../domain/campaign';
import { fastParser } from '../domain/fast-parse';
import { ContactSchema, EmailSchema, type Contact } from '../domain/contact';
import { clip, quote } from './echo';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type MappedRow } from './fields';
import { touchIdFor } from './ids';
import { campaignExtras, campaignFrom, type CampaignCells } from './campaign-row';
import { lastActivityFrom, salesActivityFrom, TOUCH_FIELD } from './sales-activity-row';
import { Memo } from '../domain/memo';
import { RowError, attempt, unwrap, type Outcome } from './row-outcome';
import { assetCategory, channelCategory } from '../domain/categories';
import type { DayOrder } from './day-order';
import { normalizeLifecycle, parseBoolean, parseDate, parseNumber, statusMeansResponded, unreadableDate } from './values';

/** `activity`: the sales activity a row's "last activity" date stands for. */
export type RowRecords = { contact: Contact; campaign?: Campaign; touch?: Touch; activity?: Touch };

/** A value the import could not use: the row was kept and this field left empty. */
export type ValueWarning = { field: ImportField; reason: string };

export type RowResult = { ok: true; records: RowRecords; warnings: ValueWarning[] } | { ok: false; reason: string };

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

/**
 * One mapped row → its contact, and the campaign and touch when the row names a
 * campaign. Only the identity (a usable email) rejects a row. Any other value
 * that cannot be read (a date, a number, an over-long text) leaves that field
 * empty with a warning naming it, and the rest of the row is kept; a touch whose
 * date or campaign cannot be read is left out the same way, the contact kept.
 */
export function rowToRecords(row: MappedRow, order: DayOrder = 'month-first'): RowResult {
  // The memos below hold dates read in one order: another file's order starts them afresh.
  if (order !== memoOrder) {
    contacts.clear();
    campaignsByName.clear();
    previous = undefined;
    memoOrder = order;
  }
  try {
    return { ok: true, ...build(row, order) };
  } catch (e) {
    if (e instanceof RowError) return { ok: false, reason: e.message };
    throw e;
  }
}

const CONTACT_FIELDS = IMPORT_FIELDS.filter((f) => f.group !== 'touch').map((f) => f.key);
const SEP = '\u0001';

/** Which file field fed a contact property, to name it in a warning. */
function fieldOf(row: MappedRow, path: readonly PropertyKey[]): ImportField {
  const [top, sub] = path;
  if (top === 'name') return row.fullName ? 'fullName' : 'firstName';
  if (top === 'originalSource' || top === 'latestSource') return sub === 'date' ? `${top}Date` : sub === 'detail' ? `${top}Detail` : top;
  return (CONTACT_FIELDS as readonly string[]).includes(String(top)) ? (top as ImportField) : 'email';
}

type Built<T> = { value: T; warnings: ValueWarning[] };

function contactFrom(row: MappedRow, order: DayOrder): Built<Contact> {
  if (!row.email) throw new RowError('No email');
  const email = EmailSchema.safeParse(row.email.trim());
  if (!email.success) throw new RowError(`Invalid email ${quote(row.email)}`);
  const warnings: ValueWarning[] = [];
  const date = (field: 'handoffAt' | 'originalSourceDate' | 'latestSourceDate') => {
    const parsed = parseDate(row[field], order);
    if (parsed !== null) return parsed;
    warnings.push({ field, reason: unreadableDate(row[field], order) });
    return undefined;
  };
  const number = (field: 'companySize' | 'score', whole: boolean) => {
    const parsed = parseNumber(row[field], whole);
    if (parsed === undefined) return undefined;
    if (parsed !== null && (!whole || (Number.isInteger(parsed) && parsed >= 0))) return parsed;
    warnings.push({ field, reason: `${quote(row[field])} is not ${whole ? 'a whole number' : 'a number'}` });
    return undefined;
  };
  // Sources, statuses and campaign types are kept as the export wrote them ("Partner Referral",
  // "Working - Contacted"); Leadlight's category sits beside them for grouping.
  const source = (prefix: 'originalSource' | 'latestSource') => {
    const channel = row[prefix].trim();
    const when = date(`${prefix}Date`);
    return channel
      ? compact({ channel, category: channelCategory(channel), detail: row[`${prefix}Detail`] || undefined, date: when })
      : undefined;
  };
  const candidate: Record<string, unknown> = compact({
    email: email.data,
    name: row.fullName || [row.firstName, row.lastName].filter(Boolean).join(' '),
    title: row.title,
    company: row.company,
    industry: row.industry,
    companySize: number('companySize', true),
    seniority: row.seniority,
    department: row.department,
    lifecycleStage: normalizeLifecycle(row.lifecycleStage),
    leadStatus: row.leadStatus.trim() || undefined,
    score: number('score', false),
    owner: row.owner,
    handoffAt: date('handoffAt'),
    originalSource: source('originalSource'),
    latestSource: source('latestSource'),
  });
  // Whatever the schema still refuses (an over-long title) is dropped field by field.
  for (let pass = 0; pass < 2; pass++) {
    const parsed = ContactSchema.safeParse(candidate);
    if (parsed.success) return { value: parsed.data, warnings };
    for (const issue of parsed.error.issues) {
      const [top, sub] = issue.path;
      if (top === 'email' || top === undefined) throw new RowError(`Email: ${issue.message}`);
      const nested = candidate[String(top)];
      if (sub !== undefined && nested && typeof nested === 'object' && sub !== 'channel')
        delete (nested as Record<string, unknown>)[String(sub)];
      else delete candidate[String(top)];
      warnings.push({ field: fieldOf(row, issue.path), reason: issue.message });
    }
  }
  throw new RowError('The contact could not be read');
}

const CAMPAIGN_FIELDS = [
  'campaignId',
  'campaign',
  'campaignType',
  'campaignStatus',
  'campaignStartDate',
  'campaignEndDate',
  'campaignEventDate',
  'campaignInviteUrl',
  'campaignRecordUrl',
] as const satisfies readonly ImportField[];

type CampaignBuilt = { outcome: Outcome<Campaign>; warnings: ValueWarning[] };
/** The touch's email is the contact's, validated with it once per person; checking it again on every row cost a tenth of the parse. */
const parseRowTouch = fastParser(TouchSchema.omit({ email: true }));

const contacts = new Memo<Outcome<Built<Contact>>>();
let memoOrder: DayOrder = 'month-first';

/** Whether a row holds these values in these fields. */
const sameCells = (row: MappedRow, fields: readonly ImportField[], values: readonly string[]) => {
  for (let i = 0; i < fields.length; i++) if (row[fields[i]!] !== values[i]) return false;
  return true;
};

/**
 * Exports list a person's rows together, so most rows repeat the previous row's
 * contact cells: comparing them field by field settles those rows without building
 * a key string for the memo (at a million rows, that key was a tenth of the parse).
 * The cells are copied, since the pipeline refills one row object for every row.
 */
let previous: { values: string[]; outcome: Outcome<Built<Contact>> } | undefined;

function contactOutcome(row: MappedRow, order: DayOrder): Outcome<Built<Contact>> {
  if (previous && sameCells(row, CONTACT_FIELDS, previous.values)) return previous.outcome;
  const values = CONTACT_FIELDS.map((f) => row[f]);
  const outcome = contacts.get(values.join(SEP), () => attempt(() => contactFrom(row, order)));
  previous = { values, outcome };
  return outcome;
}

/** Campaigns read so far by name, with the cells each was read from; bounded like the memos. */
const campaignsByName = new Map<string, { values: string[]; built: CampaignBuilt }[]>();

/**
 * The campaign a row names, read once per set of campaign cells, so its dates and
 * links are read once per campaign, not per row. Found by name, then by comparing
 * cells: member rows of a few campaigns interleave, so the previous row rarely matches.
 */
function campaignOutcome(row: MappedRow, name: string, order: DayOrder): CampaignBuilt {
  const seen = campaignsByName.get(name);
  const hit = seen?.find((c) => sameCells(row, CAMPAIGN_FIELDS, c.values));
  if (hit) return hit.built;
  const warnings: ValueWarning[] = [];
  // The campaign's type and status are optional: one that cannot be stored is left out with a
  // warning naming its column, and the campaign and the touch stay.
  const optional = (field: 'campaignType' | 'campaignStatus', key: 'type' | 'status', fallback: string) => {
    const value = field === 'campaignType' ? row[field].trim() : row[field];
    if (!value) return fallback;
    const checked = CampaignSchema.shape[key].safeParse(value);
    if (checked.success) return value;
    warnings.push({ field, reason: `${checked.error.issues[0]?.message ?? 'invalid'}; left empty` });
    return fallback;
  };
  const cells: CampaignCells = {
    id: row.campaignId,
    name,
    type: optional('campaignType', 'type', 'Other'),
    status: optional('campaignStatus', 'status', 'unknown'),
    ...campaignExtras(row, warnings, order),
  };
  const built = { outcome: attempt(() => campaignFrom(cells)), warnings };
  if (campaignsByName.size >= 2000) campaignsByName.clear();
  const entry = { values: CAMPAIGN_FIELDS.map((f) => row[f]), built };
  if (seen && seen.length < 50) seen.push(entry);
  else campaignsByName.set(name, [entry]);
  return built;
}

function build(row: MappedRow, order: DayOrder): { records: RowRecords; warnings: ValueWarning[] } {
  const built = unwrap(contactOutcome(row, order));
  const contact = built.value;
  const warnings = built.warnings.length ? [...built.warnings] : [];
  const activity = row.lastActivity ? lastActivityFrom(row, contact.email, warnings, order) : undefined;
  const withActivity = activity ? { activity } : {};
  const campaignName = row.campaign || row.campaignId;
  if (!campaignName) {
    const sales = salesActivityFrom(row, contact.email, warnings, order);
    return { records: { contact, ...withActivity, ...(sales ? { touch: sales } : {}) }, warnings };
  }
  const leaveOut = (field: ImportField, reason: string) => {
    warnings.push({ field, reason: `${reason}; the campaign touch was left out` });
    return { records: { contact, ...withActivity }, warnings };
  };

  const type = row.campaignType.trim() || 'Other';
  const read = campaignOutcome(row, campaignName, order);
  warnings.push(...read.warnings);
  if ('reason' in read.outcome) return leaveOut('campaign', read.outcome.reason);
  const campaign = read.outcome.value;

  const membership = parseDate(row.date, order);
  let responded = parseDate(row.respondedDate, order);
  if (responded === null) {
    warnings.push({ field: 'respondedDate', reason: unreadableDate(row.respondedDate, order) });
    responded = undefined;
  }
  const date = responded ?? membership;
  if (!date) return leaveOut('date', membership === null ? unreadableDate(row.date, order) : 'no date');
  if (membership === null) warnings.push({ field: 'date', reason: `${unreadableDate(row.date, order)}; dated by the response instead` });
  let respondedFlag = parseBoolean(row.responded);
  if (respondedFlag === null) {
    warnings.push({ field: 'responded', reason: `${quote(row.responded)} is not yes/no, true/false or 1/0; read from the status instead` });
    respondedFlag = undefined;
  }
  const didRespond = respondedFlag ?? (responded !== undefined || statusMeansResponded(row.status));
  const assetName = row.asset || campaign.name;
  const touch = parseRowTouch({
    // Keyed on the membership date when there is one: it stays put when a later
    // export adds a First Responded Date, so the touch is updated, not doubled.
    id: touchIdFor(contact.email, campaign.id, assetName, membership ?? date),
    campaignId: campaign.id,
    assetName,
    // A member row names no asset type: the campaign's type or the asset's name may say it; else "other", never a guess.
    assetType: row.assetType.trim() || assetCategory(type, assetName),
    assetCategory: assetCategory(row.assetType.trim() || type, assetName),
    date,
    responseStatus: row.status || (didRespond ? 'Responded' : 'Sent'),
    responded: didRespond,
  });
  if (!touch.success) {
    const issue = touch.error.issues[0];
    return leaveOut(TOUCH_FIELD[String(issue?.path[0])] ?? 'campaign', issue?.message ?? 'invalid');
  }
  // The parsed touch is a fresh object: it takes the contact's email rather than being copied once more.
  const withEmail = touch.data as Touch;
  withEmail.email = contact.email;
  return { records: { contact, campaign, touch: withEmail, ...withActivity }, warnings };
}

/** What a warning says about a field, for people: the file's column name, then why. */
export function describeWarning(w: ValueWarning, mapping: ColumnMapping): { column: string; reason: string } {
  const label = IMPORT_FIELDS.find((f) => f.key === w.field)?.label ?? w.field;
  return { column: clip(mapping[w.field] ?? label), reason: clip(w.reason) };
}
