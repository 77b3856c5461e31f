import { EmailSchema } from '../../domain/contact';
import type { Connector, ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import type { CallGate } from '../health';
import type { HttpPolicy } from '../http';
import { createSalesforceApi, type SalesforceSession } from './api';
import { deliverSalesforceFeedback } from './feedback';
import { readSalesforceTeamVerdicts } from './team';
import { memoryLabelCache, type LabelCache } from '../label-cache';
import { bundleFromContact, bundleFromLead, requireId } from './mapping';
import { createPicklistLabels } from './picklist-labels';
import { contactQuery, leadQuery } from './soql';

export type SalesforceConnectorOptions = {
  session: SalesforceSession;
  /** REST API version; v60.0 (Spring '24) has every field and relationship used here. */
  apiVersion?: string;
  /** API name of a picklist or text field on both Lead and Contact that receives "Good" or "Bad". */
  writeBackField?: string;
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
 * still working it), else a Contact; campaign history comes from CampaignMember.
 * Feedback goes back as a completed Task on the same record.
 */
export function createSalesforceConnector(options: SalesforceConnectorOptions): Connector {
  const { session, apiVersion = 'v60.0', writeBackField, policy, now, gate, labelCache = memoryLabelCache() } = options;
  if (writeBackField !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(writeBackField)) {
    throw new ConnectorError('config', `“${writeBackField}” is not a Salesforce field API name (such as Lead_Feedback__c).`);
  }
  const api = createSalesforceApi({
    session,
    apiVersion,
    ...(policy ? { policy } : {}),
    ...(now ? { now } : {}),
    ...(gate ? { gate } : {}),
  });

  const labels = createPicklistLabels(api, labelCache);

  return {
    id: 'salesforce',
    label: 'Salesforce',
    ...(gate ? { gate } : {}),
    async fetchContact(email: string): Promise<ContactBundle | null> {
      const address = normalizeEmail(email);
      const issues: FieldIssue[] = [];
      const members = (record: unknown, object: string) =>
        api.children(record && typeof record === 'object' ? (record as Record<string, unknown>).CampaignMembers : undefined, {
          object,
          field: 'CampaignMembers',
          issues,
        });
      const [lead] = await api.queryRaw(leadQuery(address), { object: 'Lead', issues });
      if (lead) {
        requireId(lead, 'Lead');
        const leadMembers = await members(lead, 'Lead');
        const labelOf = await labels(leadMembers.length ? ['Lead', 'Campaign'] : ['Lead']);
        return bundleFromLead(address, lead, leadMembers, issues, labelOf);
      }
      const [contact] = await api.queryRaw(contactQuery(address), { object: 'Contact', issues });
      if (contact) {
        requireId(contact, 'Contact');
        const contactMembers = await members(contact, 'Contact');
        const labelOf = await labels(contactMembers.length ? ['Contact', 'Campaign'] : ['Contact']);
        return bundleFromContact(address, contact, contactMembers, issues, labelOf);
      }
      return null;
    },
    readTeamVerdicts: (progress) => readSalesforceTeamVerdicts(api, progress),
    deliverFeedback(feedback) {
      return deliverSalesforceFeedback(api, { ...feedback, email: normalizeEmail(feedback.email) }, writeBackField);
    },
  };
}
