import { z } from 'zod';
import { EmailSchema } from '../../domain/contact';
import { SalesforceVerdictFieldsSchema } from '../../settings/salesforce-verdict-fields';
import type { Connector, ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import type { CallGate } from '../health';
import type { HttpPolicy } from '../http';
import { createSalesforceApi, type SalesforceSession } from './api';
import { deliverSalesforceFeedback, type VerdictFieldOptions } from './feedback';
import { readSalesforceTeamVerdicts } from './team';
import { memoryLabelCache, type LabelCache } from '../label-cache';
import { bundleFromContact, bundleFromLead, requireId } from './mapping';
import { createPicklistLabels, type LabelledObject } from './picklist-labels';
import { contactQuery, leadQuery } from './soql';
import { activityTouches } from './activities';
import { hiddenActivityFields, hiddenIssues, refusedField } from './activity-fields';
import { loadWritableFields } from './writable-fields';

// Fields an org hides are learnt one refused query at a time; a lookup learns at most this many before reading without activities.
const MAX_HIDDEN_FIELDS_PER_LOOKUP = 3;

export type SalesforceConnectorOptions = {
  session: SalesforceSession;
  /** REST API version; v60.0 (Spring '24) has every field and relationship used here. */
  apiVersion?: string;
  /** Lead and Contact fields each verdict sets beside its Task (see feedback.ts). */
  verdictFields?: VerdictFieldOptions;
  policy?: HttpPolicy;
  now?: () => number;
  /** The connection's health gate (see ../health.ts). */
  gate?: CallGate;
  /** Where picklist labels are kept between lookups (a day); by default, for this connector's life. */
  labelCache?: LabelCache;
};

function normalizeEmail(email: string): string {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) throw new ConnectorError('client', `“${email}” is not an email address.`);
  return parsed.data;
}

/**
 * Salesforce as a live source: an open Lead with the address wins (marketing is
 * still working it), else a Contact; campaign history comes from CampaignMember,
 * sales activity from the person's closed Tasks and past Events (same query).
 * Feedback goes back as a completed Task on the same record.
 */
export function createSalesforceConnector(options: SalesforceConnectorOptions): Connector {
  const { session, apiVersion = 'v60.0', verdictFields = {}, policy, now, gate, labelCache = memoryLabelCache() } = options;
  // Field names go into a URL body as keys; settings validate them, and so does the connector.
  const mapping = SalesforceVerdictFieldsSchema.safeParse(verdictFields.mapping ?? {});
  if (!mapping.success)
    throw new ConnectorError('config', `The Salesforce verdict fields are not valid: ${z.prettifyError(mapping.error)}`);
  const api = createSalesforceApi({
    session,
    apiVersion,
    ...(policy ? { policy } : {}),
    ...(now ? { now } : {}),
    ...(gate ? { gate } : {}),
  });

  const labels = createPicklistLabels(api, labelCache);
  const hiddenFields = hiddenActivityFields(labelCache);
  // Shared by this connector's lookups, so two running at once never save over what the other learnt.
  const learnt = new Set<string>();
  const clock = now ?? Date.now;

  /**
   * The newest Lead or Contact with the address, raw, with its related lists. A query
   * refused over an activity field the profile may not see is asked again without it
   * (remembered, so later lookups ask once); past a few such fields, without activities.
   */
  async function readPerson(object: 'Lead' | 'Contact', address: string, issues: FieldIssue[]): Promise<unknown> {
    const hidden = new Set([...(await hiddenFields.load()), ...learnt]);
    const query = object === 'Lead' ? leadQuery : contactQuery;
    for (let refused = 0; ; refused++) {
      const giveUp = refused === MAX_HIDDEN_FIELDS_PER_LOOKUP;
      const leaveOut = giveUp ? new Set([...hidden, 'Task', 'Event']) : hidden;
      try {
        const [record] = await api.queryRaw(query(address, leaveOut), { object, issues });
        if (!record) return undefined;
        requireId(record, object);
        issues.push(...hiddenIssues(leaveOut, object));
        return record;
      } catch (e) {
        const key = giveUp ? undefined : refusedField(e);
        // A field already left out that is refused again is not the profile hiding it: asking again would change nothing.
        if (!key || hidden.has(key)) throw e;
        hidden.add(key);
        learnt.add(key);
        await hiddenFields.save(new Set([...(await hiddenFields.load()), ...learnt]));
      }
    }
  }

  /** Whether a Contact's Account has an industry to label. */
  const accountIndustry = (record: unknown): boolean => {
    const account = record && typeof record === 'object' ? (record as { Account?: { Industry?: unknown } }).Account : undefined;
    return typeof account?.Industry === 'string' && account.Industry !== '';
  };

  return {
    id: 'salesforce',
    label: 'Salesforce',
    ...(gate ? { gate } : {}),
    async fetchContact(email: string): Promise<ContactBundle | null> {
      const address = normalizeEmail(email);
      const issues: FieldIssue[] = [];
      // The describes a lookup reads are those of the objects it found records of (each at most once a day).
      const related = async (record: unknown, object: 'Lead' | 'Contact') => {
        const child = (field: string) =>
          api.children(record && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined, {
            object,
            field,
            issues,
          });
        const [members, tasks, events] = [await child('CampaignMembers'), await child('Tasks'), await child('Events')];
        const described: LabelledObject[] = [object];
        if (object === 'Contact' && accountIndustry(record)) described.push('Account');
        if (members.length) described.push('Campaign');
        if (tasks.length) described.push('Task');
        if (events.length) described.push('Event');
        const labelOf = await labels(described, issues);
        return { read: { members, activities: activityTouches(tasks, events, address, issues, clock(), labelOf) }, labelOf };
      };
      const lead = await readPerson('Lead', address, issues);
      if (lead) {
        const { read, labelOf } = await related(lead, 'Lead');
        return bundleFromLead(address, lead, read, issues, labelOf);
      }
      const contact = await readPerson('Contact', address, issues);
      if (contact) {
        const { read, labelOf } = await related(contact, 'Contact');
        return bundleFromContact(address, contact, read, issues, labelOf);
      }
      return null;
    },
    readTeamVerdicts: (progress) => readSalesforceTeamVerdicts(api, progress),
    writableFields: (object, fresh) => loadWritableFields(api, labelCache, object, fresh),
    deliverFeedback(feedback) {
      return deliverSalesforceFeedback(api, { ...feedback, email: normalizeEmail(feedback.email) }, verdictFields, clock);
    },
  };
}
