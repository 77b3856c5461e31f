import type { Contact } from './contact';

/** Where the team's data comes from; each source has its own status vocabulary. */
export type WorkedStatusSource = 'demo' | 'import' | 'feed' | 'hubspot' | 'salesforce';

// Lifecycle stages that sales itself sets once it has worked a lead, in every source
// (Leadlight's own keys, which the HubSpot and Salesforce mappings also produce).
const WORKED_STAGES = ['sql', 'opportunity', 'customer'];

// Salesforce's stock Lead Status values (classic and Lead Path), as the org writes them.
const SALESFORCE = [
  'Working - Contacted',
  'Working',
  'Nurturing',
  'Qualified',
  'Unqualified',
  'Closed - Converted',
  'Closed - Not Converted',
];
// HubSpot's stock hs_lead_status option labels.
const HUBSPOT = ['Attempted to Contact', 'Connected', 'In Progress', 'Open Deal', 'Unqualified', 'Bad Timing'];
// The demo world's statuses.
const DEMO = ['attempting_contact', 'in_progress', 'connected', 'unqualified'];

/**
 * Lead statuses (and lifecycle stages) that mean sales has worked the lead, per
 * source. A lead in one of them counts as touched even when no activity carries a
 * time. Imports and feeds may come from either CRM, so they know both lists.
 */
export const DEFAULT_WORKED_STATUSES: Readonly<Record<WorkedStatusSource, readonly string[]>> = {
  demo: [...DEMO, ...WORKED_STAGES],
  hubspot: [...HUBSPOT, ...WORKED_STAGES],
  salesforce: [...SALESFORCE, ...WORKED_STAGES],
  import: [...new Set([...SALESFORCE, ...HUBSPOT, ...WORKED_STAGES])],
  feed: [...new Set([...SALESFORCE, ...HUBSPOT, ...WORKED_STAGES])],
};

/**
 * A status as compared: case, spaces and punctuation do not matter, so "Working -
 * Contacted", "working_contacted" and "WORKING CONTACTED" are one status. The value
 * itself is always shown as the org wrote it.
 */
export function statusKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The team's list for a source, or the defaults when it has not edited one. */
export function workedStatusesFor(source: WorkedStatusSource, edited?: Partial<Record<WorkedStatusSource, string[]>>): readonly string[] {
  return edited?.[source] ?? DEFAULT_WORKED_STATUSES[source];
}

/**
 * The status or stage that shows the lead was worked, as the record has it, or
 * undefined. The lead status is checked first because it is the more specific.
 */
export function workedStatusOf(contact: Pick<Contact, 'leadStatus' | 'lifecycleStage'>, worked: readonly string[]): string | undefined {
  const keys = new Set(worked.map(statusKey));
  for (const value of [contact.leadStatus, contact.lifecycleStage]) if (value && keys.has(statusKey(value))) return value;
  return undefined;
}
