import { activitySubqueries, visibleFields, type HiddenFields } from './activity-fields';

/**
 * SOQL text for the connector's queries. Values are quoted with soqlString, never
 * concatenated raw, because an email address may contain a single quote (o'brien@…).
 */

/** A SOQL string literal: backslash and single quote escaped. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A LIKE pattern literal that matches `text` anywhere; % and _ in the text are matched literally. */
export function soqlContains(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/([%_])/g, '\\$1');
  return `'%${escaped}%'`;
}

// Newest membership first so a page bound drops the oldest history, not the latest.
const CAMPAIGN_MEMBERS =
  '(SELECT Id, CampaignId, Status, HasResponded, FirstRespondedDate, CreatedDate, Campaign.Id, Campaign.Name, Campaign.Type, ' +
  'Campaign.Status, Campaign.StartDate, Campaign.EndDate FROM CampaignMembers ORDER BY CreatedDate DESC)';

// Converted leads live on as Contacts; reading the Lead too would show a stale twin.
const OPEN_LEAD = 'IsConverted = false';

const NONE_HIDDEN: HiddenFields = new Set();

/** The newest open Lead with this email, with its campaign memberships and logged activities. */
export function leadQuery(email: string, hidden = NONE_HIDDEN): string {
  const fields = [
    'Id',
    'Name',
    'FirstName',
    'LastName',
    'Email',
    ...visibleFields('Lead', hidden),
    'Owner.Name',
    'CreatedDate',
    'IsConverted',
  ];
  return (
    `SELECT ${fields.join(', ')}, ${CAMPAIGN_MEMBERS}${activitySubqueries(hidden)} FROM Lead ` +
    `WHERE Email = ${soqlString(email)} AND ${OPEN_LEAD} ORDER BY LastModifiedDate DESC LIMIT 1`
  );
}

/** The newest Contact with this email, with account firmographics, campaign memberships and logged activities. */
export function contactQuery(email: string, hidden = NONE_HIDDEN): string {
  const fields = [
    ...['Id', 'Name', 'FirstName', 'LastName', 'Email', ...visibleFields('Contact', hidden), 'Owner.Name', 'CreatedDate'],
    ...visibleFields('Account', hidden, 'Account.'),
  ];
  return (
    `SELECT ${fields.join(', ')}, ${CAMPAIGN_MEMBERS}${activitySubqueries(hidden)} FROM Contact ` +
    `WHERE Email = ${soqlString(email)} ORDER BY LastModifiedDate DESC LIMIT 1`
  );
}

/** Only the Id of the record feedback is filed against, chosen as fetchContact chooses it. */
export function personIdQuery(object: 'Lead' | 'Contact', email: string): string {
  const where = object === 'Lead' ? ` AND ${OPEN_LEAD}` : '';
  return `SELECT Id FROM ${object} WHERE Email = ${soqlString(email)}${where} ORDER BY LastModifiedDate DESC LIMIT 1`;
}

/** A SOQL dateTime literal (unquoted, whole seconds, UTC). */
function soqlDateTime(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Browser clocks drift from Salesforce's: a Task created this long before the verdict may still be a newer verdict's.
const CLOCK_MARGIN_MS = 24 * 60 * 60_000;

/**
 * Tasks on this person whose Subject carries the feedback marker, and the Leadlight
 * verdict Tasks created since the verdict was given (less a day for clock drift):
 * a newer verdict's fields must not be overwritten by this one's retry.
 */
export function markedTaskQuery(whoId: string, marker: string, since: string, prefix: string): string {
  const after = soqlDateTime(Date.parse(since) - CLOCK_MARGIN_MS);
  return (
    `SELECT Id, Subject, Description FROM Task WHERE WhoId = ${soqlString(whoId)} AND (Subject LIKE ${soqlContains(marker)} ` +
    `OR (Subject LIKE ${soqlString(`${prefix}%`)} AND CreatedDate > ${after}))`
  );
}
