import type { HostDetection, HostModule } from '../host-module';
import { isHiddenWithin, participantCollector } from '../participants';
import { SALESFORCE_SELECTORS as S } from './selectors';

/** `/lightning/r/Lead/<15 or 18 char id>/view`, likewise for Contact. */
const RECORD_PATH = /^\/lightning\/r\/(Lead|Contact)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view/;

/** Object and id of the Lead or Contact record in the URL, or null. */
export function salesforceRecord(url: URL): { object: 'Lead' | 'Contact'; id: string } | null {
  const m = RECORD_PATH.exec(url.pathname);
  return m ? { object: m[1] as 'Lead' | 'Contact', id: m[2]! } : null;
}

/**
 * The active record's root: the visible wrapper for the URL's id (15-char URL ids
 * match the first 15 of an 18-char id); the page itself on a layout without record
 * wrappers. Null while the URL's record is not rendered yet: the wrappers on screen
 * are other records (the one being left, another console tab), whose email is not this one's.
 */
function activeRecordRoot(doc: Document, id: string): Element | null {
  const wrappers = [...doc.querySelectorAll(S.recordWrapper.selector)].filter((w) => !isHiddenWithin(w));
  if (wrappers.length === 0) return doc.body;
  const prefix = id.slice(0, 15);
  return wrappers.find((w) => (w.getAttribute('data-record-id') ?? '').startsWith(prefix)) ?? null;
}

/** The Lead or Contact on the active Lightning record page. */
export function detectSalesforceRecord(doc: Document, url: URL): HostDetection {
  const record = salesforceRecord(url);
  if (!record) return { recordId: null, participants: [] };
  const root = activeRecordRoot(doc, record.id);
  if (!root) return { recordId: record.id, participants: [] };
  const people = participantCollector(null);
  // The record's own object first: hover cards nest other objects' Email fields (the owner's User.Email).
  const own = `[data-target-selection-name$="RecordField.${record.object}.Email"]`;
  const fields = [...root.querySelectorAll(own), ...root.querySelectorAll(S.emailField.selector)];
  const name = root.querySelector(S.primaryName.selector)?.textContent;
  for (const field of fields) {
    if (isHiddenWithin(field, root)) continue;
    const link = field.querySelector(S.emailLink.selector);
    people.add(link?.getAttribute('href') ?? field.textContent, name);
    break;
  }
  // With the Details tab hidden, the compact layout's Email is the one on screen.
  if (people.list().length === 0) {
    const shown = [...root.querySelectorAll(S.highlightsEmail.selector)].find(
      (link) => !isHiddenWithin(link, root) && !root.contains(link.closest(S.hoverCard.selector)),
    );
    people.add(shown?.getAttribute('href'), name);
  }
  return { recordId: record.id, participants: people.list() };
}

export const salesforceHost: HostModule = {
  id: 'salesforce',
  label: 'Salesforce',
  // Lightning runs on the org's My Domain; classic *.my.salesforce.com serves Lightning for some orgs.
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  selectors: S,
  detect: detectSalesforceRecord,
};
