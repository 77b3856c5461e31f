import { z } from 'zod';
import type { Connector, ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import type { CallGate } from '../health';
import type { HttpPolicy } from '../http';
import { memoryLabelCache, type LabelCache } from '../label-cache';
import { CampaignSchema, TouchSchema } from '../../domain/campaign';
import { ContactSchema } from '../../domain/contact';
import { isLateDelivery, mayHaveBeenWritten } from '../../domain/feedback';
import { FEEDBACK_REASONS } from '../../domain/feedback-reasons';
import { createHubspotClient, type HubspotCall, profileByEmailPath, SCOPES } from './hubspot-client';
import { conversionTimeline, ProfileSchema, readSubmissions, type FormSubmission } from './hubspot-conversions';
import { isCustomStage, LABELLED_PROPERTIES, mapContact } from './hubspot-mapping';
import { createOwnerNames, isOwnerId } from './hubspot-owners';
import { deliverNote } from './hubspot-notes';
import { readHubspotTeamVerdicts } from './hubspot-team';
import { ensureVerdictSchema, schemaFingerprint, type VerdictSchemaStore } from './hubspot-verdict-schema';
import type { FieldIssue } from '../field-reader';
import { EventsPageSchema, readCampaign, readEvents } from './hubspot-read';
import { createOptionLabels } from './hubspot-labels';
import { memo } from '../keyed-memo';
import type { HubspotEmailCampaign, HubspotEmailEvent } from './hubspot-schemas';
import { buildTimeline, campaignIds } from './hubspot-timeline';
import { getContact, orNull } from './hubspot-contact';
import { readEngagements } from './hubspot-engagements';
import { contactActivityTouches } from './hubspot-sales-activity';

/** Pages of 100 email events read per contact; a busier history is cut to its first 500 events. */
export const MAX_EVENT_PAGES = 5;

const RECHECK_MS = 6 * 60 * 60_000;

export type HubspotConnectorOptions = {
  /** The private-app access token; throws ConnectorError('config') when none is set. */
  token: () => Promise<string>;
  /** A contact property that also receives 'good' / 'bad' with each verdict. */
  writeBackProperty?: string;
  policy?: HttpPolicy;
  now?: () => Date;
  baseUrl?: string;
  /** The connection's health gate (see ../health.ts). */
  gate?: CallGate;
  /** The account's time zone, for when the daily limit resets. */
  timeZone?: () => string | undefined;
  /** Where property labels are kept between lookups (a day); by default, for this connector's life. */
  labelCache?: LabelCache;
  /** Leadlight's verdict properties: the reason list they follow and where their state is kept. Without it, notes only. */
  verdictSchema?: VerdictSchemaStore;
};

const BundleSchema = z.object({ contact: ContactSchema, campaigns: z.array(CampaignSchema), touches: z.array(TouchSchema) });

async function emailEvents(call: HubspotCall, email: string, issues: FieldIssue[]): Promise<HubspotEmailEvent[]> {
  const events: HubspotEmailEvent[] = [];
  let offset: string | undefined;
  for (let page = 0; page < MAX_EVENT_PAGES; page++) {
    const query: Record<string, string> = { recipient: email, limit: '100', ...(offset ? { offset } : {}) };
    const result = await call(
      { path: '/email/public/v1/events', query, object: 'email events page' },
      EventsPageSchema,
      SCOPES.marketingEmail,
    );
    events.push(...readEvents(result.events, issues));
    if (!result.hasMore || !result.offset) break;
    offset = result.offset;
  }
  return events;
}

/** The contact's form submissions; none when the portal has no v1 profile for them or the app may not read it. */
async function formSubmissions(call: HubspotCall, email: string, issues: FieldIssue[]): Promise<FormSubmission[]> {
  const query = { formSubmissionMode: 'all', propertyMode: 'value_only', showListMemberships: 'false', property: 'email' };
  try {
    const profile = await orNull(
      call({ path: profileByEmailPath(email), query, object: 'contact profile', optional: true }, ProfileSchema, SCOPES.contactsRead),
    );
    return readSubmissions(profile?.['form-submissions'] ?? [], issues);
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'scopes') return [];
    throw e;
  }
}

/**
 * HubSpot as a live source, with a private-app token. A lookup reads the contact,
 * the labels of its picklist values, its marketing-email history and form
 * submissions, and the calls, meetings and emails sales logged (hubspot-engagements.ts). When the
 * email history cannot be read (most often the app lacks the `content` scope) the
 * lookup fails with that error instead of showing an empty timeline, because
 * "no campaigns touched this lead" would be a false statement the rep acts on.
 */
export function createHubspotConnector(options: HubspotConnectorOptions): Connector {
  const call = createHubspotClient(options);
  const now = options.now ?? (() => new Date());

  const labelCache = options.labelCache ?? memoryLabelCache();
  const optionLabels = createOptionLabels(call, labelCache);
  const ownerNames = createOwnerNames(call, labelCache);
  const campaign = memo(async (id: number) => {
    const issues: FieldIssue[] = [];
    const raw = await orNull(
      call({ path: `/email/public/v1/campaigns/${id}`, object: 'email campaign' }, z.unknown(), SCOPES.marketingEmail),
    );
    return { details: raw === null ? undefined : readCampaign(raw, issues), issues };
  });

  async function labelsFor(properties: Readonly<Record<string, string>>, issues: FieldIssue[]) {
    const labels = new Map<string, ReadonlyMap<string, string>>();
    for (const name of LABELLED_PROPERTIES) {
      const value = properties[name];
      // A standard stage is one of Leadlight's own keys; only a portal's custom stage needs its label read.
      if (!value || (name === 'lifecyclestage' && !isCustomStage(value))) continue;
      const read = await optionLabels('contacts', name);
      labels.set(name, read.labels);
      issues.push(...read.issues);
    }
    return labels;
  }

  /** The contact owner's name; none for a contact nobody owns. */
  async function ownerOf(properties: Readonly<Record<string, string>>, issues: FieldIssue[]): Promise<string | undefined> {
    const id = properties.hubspot_owner_id?.trim();
    if (!id) return undefined;
    if (!isOwnerId(id)) {
      issues.push({ vendor: 'HubSpot', object: 'contact', field: 'properties.hubspot_owner_id', problem: 'unreadable' });
      return undefined;
    }
    const owner = await ownerNames(id);
    issues.push(...owner.issues);
    return owner.name;
  }

  const connector: Connector = {
    id: 'hubspot',
    label: 'HubSpot',
    ...(options.gate ? { gate: options.gate } : {}),

    async fetchContact(email: string): Promise<ContactBundle | null> {
      const issues: FieldIssue[] = [];
      const read = await getContact(call, email, issues);
      if (!read) return null;
      const { object } = read;
      const contact = mapContact(
        object,
        email,
        await labelsFor(object.properties, issues),
        issues,
        await ownerOf(object.properties, issues),
      );
      const events = await emailEvents(call, email, issues);
      const details = new Map<number, HubspotEmailCampaign | undefined>();
      // One at a time: a burst of campaign reads would trip HubSpot's ten-second limit.
      for (const id of campaignIds(events)) {
        const read = await campaign(id);
        details.set(id, read.details);
        issues.push(...read.issues);
      }
      const who = { id: object.id, email: (typeof contact.email === 'string' ? contact.email : email).toLowerCase() };
      const emails = buildTimeline(events, details, who);
      const forms = conversionTimeline(await formSubmissions(call, email, issues), object.history.recent_conversion_event_name ?? [], who);
      const engagementLabels = async (type: string, property: string) => {
        const read = await optionLabels(type, property);
        issues.push(...read.issues);
        return read.labels;
      };
      const engaged = await readEngagements(call, read.engagements, who.email, issues, now().getTime(), engagementLabels);
      const sales = [...engaged, ...contactActivityTouches(object, who.email, engaged, issues)];
      const touches = [...emails.touches, ...forms.touches, ...sales].sort((a, b) => b.date.localeCompare(a.date));
      const bundle = BundleSchema.safeParse({ contact, campaigns: [...emails.campaigns, ...forms.campaigns], touches });
      if (!bundle.success) {
        const field = bundle.error.issues[0]?.path.join('.') ?? 'record';
        throw new ConnectorError('invalid_response', `HubSpot contact could not be read (${field}).`, { detail: bundle.error.message });
      }
      return { ...bundle.data, ...(issues.length ? { issues } : {}) };
    },

    prepareWriteBack,
    readTeamVerdicts: (progress) => readHubspotTeamVerdicts(call, progress),

    async deliverFeedback(feedback) {
      const store = options.verdictSchema;
      return deliverNote(call, feedback, {
        writeBackProperty: options.writeBackProperty,
        withSchema: (await prepareWriteBack()).ready,
        retry: mayHaveBeenWritten(feedback),
        late: isLateDelivery(feedback, now().getTime()),
        reasons: store ? await store.reasons() : FEEDBACK_REASONS,
        // A Leadlight property HubSpot refused (deleted, an option removed by hand): check the schema before the next verdict.
        onSchemaRefused: async () => store?.save({ fingerprint: '', ready: false, checkedAt: new Date().toISOString() }),
      });
    },
  };
  return connector;

  /** Creates the Leadlight property group and properties when missing, once per change of the reason list. */
  async function prepareWriteBack(): Promise<{ ready: boolean; problem?: string }> {
    const store = options.verdictSchema;
    if (!store) return { ready: false };
    const reasons = await store.reasons();
    const fingerprint = schemaFingerprint(reasons);
    const known = await store.load();
    // A missing scope may be granted later: a refusal is checked again after a few hours.
    const fresh = known && (known.ready || Date.now() - Date.parse(known.checkedAt) < RECHECK_MS);
    if (known && known.fingerprint === fingerprint && fresh) return known;
    const state = { ...(await ensureVerdictSchema(call, reasons)), fingerprint, checkedAt: new Date().toISOString() };
    await store.save(state);
    return state;
  }
}
