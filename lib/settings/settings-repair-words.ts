/**
 * How a repair of stored settings is said on the options page: the section of the
 * page that holds the field, and the field in the words that section uses.
 */

export const SECTION_NAMES: Readonly<Record<string, string>> = {
  source: 'Data source',
  cacheTtlMinutes: 'CRM contact cache',
  cacheMaxContacts: 'CRM contact cache',
  feed: 'JSON feed',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  sla: 'Hand-off SLA',
  workedStatuses: 'Worked statuses',
  rep: 'You',
  companyDomains: 'You',
};

/** What a section is left with when its stored value cannot be used at all. */
const FALLBACKS: Readonly<Record<string, string>> = {
  source: 'Leadlight shows the demo data',
  cacheTtlMinutes: 'Leadlight refreshes CRM contacts after 60 minutes',
  cacheMaxContacts: 'Leadlight keeps up to 20,000 CRM contacts',
  feed: 'Leadlight does not fetch the feed',
  hubspot: 'verdicts go to Leadlight’s usual HubSpot property',
  salesforce: 'Leadlight signs in at login.salesforce.com without a consumer key',
  sla: 'Leadlight treats the SLA as not set',
  workedStatuses: 'each source uses its usual worked statuses',
  rep: 'verdicts are signed as if you had not said who you are',
  companyDomains: 'only people at your own address’s domain count as colleagues',
};

const SOURCE_NAMES: Readonly<Record<string, string>> = {
  demo: 'the demo data',
  import: 'imported files',
  feed: 'the JSON feed',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
};

const LEAVES: Readonly<Record<string, string>> = {
  source: 'the data source',
  cacheTtlMinutes: 'the refresh time for CRM contacts',
  cacheMaxContacts: 'the number of CRM contacts kept',
  'feed.url': 'the feed URL',
  'feed.intervalMinutes': 'how often the feed is fetched',
  'hubspot.writeBackProperty': 'the property verdicts are written to',
  'salesforce.clientId': 'the consumer key',
  'salesforce.loginHost': 'the login host',
  'salesforce.verdictFields': 'the Lead and Contact fields verdicts set',
  'sla.firstTouchHours': 'the first-touch time',
  'sla.timeZone': 'the time zone',
  'sla.workingDays': 'the working days',
  'sla.dayStart': 'the start of the working day',
  'sla.dayEnd': 'the end of the working day',
  'sla.holidays': 'the holidays',
  'rep.email': 'your work email',
  'rep.name': 'your name',
  companyDomains: 'your company’s other email domains',
};

/** "a holiday", "the worked statuses for HubSpot", … for a path inside a top-level field. */
export function leafName(field: string, path: readonly PropertyKey[]): string {
  if (field === 'workedStatuses' && typeof path[0] === 'string') {
    const source = SOURCE_NAMES[path[0]] ?? path[0];
    return path.length > 1 ? `a worked status for ${source}` : `the worked statuses for ${source}`;
  }
  if (field === 'companyDomains' && typeof path[0] === 'number') return 'a company domain';
  const key = [field, ...path.slice(0, 1).map(String)].join('.');
  if (typeof path[1] === 'number' && ELEMENTS[key]) return ELEMENTS[key];
  return LEAVES[key] ?? `the value at ${[field, ...path.map(String)].join('.')}`;
}

const ELEMENTS: Readonly<Record<string, string>> = { 'sla.holidays': 'a holiday', 'sla.workingDays': 'a working day' };

export function fallbackFor(field: string): string {
  return FALLBACKS[field] ?? 'Leadlight uses its usual setting';
}

// Zod's own texts ("Too big: expected string to have <=200 characters") are not for people.
const ZOD_WORDING = /^(Invalid|Too (big|small)|Expected|Unrecognized)|expected /i;

type Refusal = { code: string; message: string; origin?: string; maximum?: unknown; minimum?: unknown };

/** Why a value was refused, in brackets: the schema's own words where it has them, else said plainly for sizes. */
export function reasonFor(issue: Refusal): string {
  if (!ZOD_WORDING.test(issue.message)) return ` (${issue.message.replace(/[.\s]+$/, '')})`;
  const max = String(issue.maximum);
  const min = String(issue.minimum);
  const why =
    issue.code === 'too_big'
      ? { string: `longer than ${max} characters`, array: `more than ${max} entries`, number: `more than ${max}` }[issue.origin ?? '']
      : issue.code === 'too_small'
        ? { string: min === '1' ? 'empty' : `shorter than ${min} characters`, array: 'empty', number: `less than ${min}` }[
            issue.origin ?? ''
          ]
        : undefined;
  return why ? ` (${why})` : '';
}

/** A stored value as a person can recognise it; long text is cut and URLs lose any password. */
export function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${String(value)}`;
  if (typeof value !== 'string') return '';
  const text = withoutCredentials(value) ?? value;
  return ` “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

/** The URL without its user name and password, or null when it has none (or is no URL). */
export function withoutCredentials(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (!url.username && !url.password) return null;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}
