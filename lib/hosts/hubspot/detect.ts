import type { HostDetection, HostModule } from '../host-module';
import { firstVisible, participantCollector } from '../participants';
import { HUBSPOT_SELECTORS as S } from './selectors';

/** `/contacts/<portalId>/record/0-1/<contactId>` (current) or `/contacts/<portalId>/contact/<id>` (legacy). */
const RECORD_PATH = /^\/contacts\/(\d+)\/(?:record\/0-1|contact)\/(\d+)/;

/** The record's contact id from a HubSpot URL, or null off a contact record. */
export function hubspotContactId(url: URL): string | null {
  return RECORD_PATH.exec(url.pathname)?.[2] ?? null;
}

// The highlight card nests the email a few levels from the title; the activity feed
// (with the owner's and colleagues' addresses) sits in another column, further out.
const MAX_CARD_DEPTH = 6;

/** The contact of the open HubSpot record: name from the highlight card, email from the same card. */
export function detectHubspotRecord(doc: Document, url: URL): HostDetection {
  const recordId = hubspotContactId(url);
  const title = recordId ? firstVisible(doc, S.recordTitle.selector) : null;
  if (!recordId || !title) return { recordId: null, participants: [] };
  const people = participantCollector(null);
  let card: Element | null = title.parentElement;
  for (let depth = 0; card && depth < MAX_CARD_DEPTH; depth++, card = card.parentElement) {
    const link = card.querySelector(S.emailLink.selector);
    if (link) {
      people.add(link.getAttribute('href'), title.textContent);
      break;
    }
  }
  return { recordId, participants: people.list() };
}

export const hubspotHost: HostModule = {
  id: 'hubspot',
  label: 'HubSpot',
  // The app's regional data centres; marketing and knowledge-base sites stay out.
  matches: [
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-na3.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
  ],
  selectors: S,
  detect: detectHubspotRecord,
};
