import type { HostDetection, HostModule } from '../host-module';
import { firstVisible, participantCollector } from '../participants';
import { PIPEDRIVE_SELECTORS as S } from './selectors';

const PERSON_PATH = /^\/person\/(\d+)/;

/** The person id from a Pipedrive URL, or null off a person page. */
export function pipedrivePersonId(url: URL): string | null {
  return PERSON_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The person on a Pipedrive person page, by their primary email. */
export function detectPipedrivePerson(doc: Document, url: URL): HostDetection {
  const recordId = pipedrivePersonId(url);
  if (!recordId) return { recordId: null, participants: [] };
  const people = participantCollector(null);
  const link = firstVisible(doc, S.detailsEmail.selector);
  if (link) people.add(link.getAttribute('href'), firstVisible(doc, S.personName.selector)?.textContent);
  return { recordId, participants: people.list() };
}

export const pipedriveHost: HostModule = {
  id: 'pipedrive',
  label: 'Pipedrive',
  // Every company has its own subdomain.
  matches: ['https://*.pipedrive.com/*'],
  selectors: S,
  detect: detectPipedrivePerson,
};
