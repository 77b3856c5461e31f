import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGmailCompose, detectSelfEmail } from '@/lib/hosts/gmail/detect';
import { gmailHost } from '@/lib/hosts/gmail';
import { hubspotHost } from '@/lib/hosts/hubspot/detect';
import { detectOutlookSelf, outlookHost } from '@/lib/hosts/outlook/detect';
import type { Participant } from '@/lib/hosts/participants';
import { pipedriveHost } from '@/lib/hosts/pipedrive/detect';
import { salesforceHost } from '@/lib/hosts/salesforce/detect';
import type { HostModule } from '@/lib/hosts/host-module';
import { loadFixture, readFixtureJson } from '../support/fixtures';

type Expected = Record<
  string,
  {
    url: string;
    selfEmail?: string;
    recordId?: string | null;
    contacts?: Participant[];
    recipients?: Participant[];
    /** Who the sidebar offers: everyone but the rep and colleagues at the rep's company (brightwave.example). */
    participants?: Participant[];
    counts: Record<string, number>;
  }
>;

const hasFixtures = (dir: string) => existsSync(resolve(__dirname, `../fixtures/${dir}/expected.json`));
/**
 * Fixtures record everyone on the page (`contacts`, `recipients`); where a rep is signed in they also
 * list, by hand, who the sidebar offers (`participants`). A CRM record page has no rep to leave out.
 */
const shown = (want: Expected[string]) => want.participants ?? want.contacts ?? [];

describe.each<[string, HostModule]>([
  ['hubspot', hubspotHost],
  ['salesforce', salesforceHost],
  ['pipedrive', pipedriveHost],
  ['outlook', outlookHost],
])('%s fixtures', (dir, host) => {
  const cases = hasFixtures(dir) ? Object.entries(readFixtureJson<Expected>(`${dir}/expected.json`)) : [];
  it.each(cases)('%s: selector counts, record and contacts', (file, want) => {
    const doc = loadFixture(`${dir}/${file}`);
    for (const [selector, count] of Object.entries(want.counts)) expect(doc.querySelectorAll(selector).length, selector).toBe(count);
    const url = new URL(want.url);
    expect(
      host.matches.some((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}`).test(url.href)),
      'URL is covered by a match pattern',
    ).toBe(true);
    const result = host.detect(doc, url);
    if ('recordId' in want) expect(result.recordId).toBe(want.recordId);
    expect(result.participants).toEqual(shown(want));
  });
});

describe('Salesforce record not rendered yet', () => {
  it('offers nobody rather than the email of another record still on screen', () => {
    const doc = loadFixture('salesforce/console-two-records.html');
    // The URL moved to a Lead the console has not mounted yet; the Contact's wrapper is still shown.
    const result = salesforceHost.detect(doc, new URL('https://brightwave.lightning.force.com/lightning/r/Lead/00Q5e00000ZZZZZZZZ/view'));
    expect(result).toEqual({ recordId: '00Q5e00000ZZZZZZZZ', participants: [] });
  });
});

describe('Outlook self detection', () => {
  it.each(Object.entries(readFixtureJson<Expected>('outlook/expected.json')))('%s', (file, want) => {
    expect(detectOutlookSelf(loadFixture(`outlook/${file}`))).toBe(want.selfEmail);
  });
});

describe.each(Object.entries(readFixtureJson<Expected>('gmail-compose/expected.json')))('Gmail compose fixture %s', (file, want) => {
  const doc = loadFixture(`gmail-compose/${file}`);

  it('has the saved selector counts', () => {
    for (const [selector, count] of Object.entries(want.counts)) expect(doc.querySelectorAll(selector).length, selector).toBe(count);
  });

  it('finds every recipient of every open compose window, without the rep or colleagues', () => {
    expect(detectSelfEmail(doc)).toBe(want.selfEmail);
    expect(detectGmailCompose(doc)).toEqual(want.participants);
  });

  it('puts the people being written to first in the sidebar', () => {
    const result = gmailHost.detect(doc, new URL(want.url));
    const recipients = (want.participants ?? []).map((p) => p.email);
    expect(result.participants.slice(0, recipients.length).map((p) => p.email)).toEqual(recipients);
  });
});
