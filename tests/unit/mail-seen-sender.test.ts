import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';
import { HOSTS } from '@/lib/hosts/registry';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { mailHostOf } from '@/lib/observed/mail-host-pages';
import { saveSettings } from '@/lib/settings/settings';
import { createContact } from '../factories';

const ORIGIN = 'chrome-extension://leadlight/';
const GMAIL = { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz', tab: { id: 4 }, frameId: 0 };
const HUBSPOT = { url: 'https://app.hubspot.com/contacts/123/record/0-1/456', tab: { id: 5 }, frameId: 0 };
const NOW = new Date('2026-03-05T10:00:00.000Z');

let db: LeadlightDb;
let updated: [number, string][];
let handlers: ReturnType<typeof createHandlers>;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`mail-seen-${crypto.randomUUID()}`);
  await db.contacts.put(contactRow(createContact({ email: 'ada@lead.example', handoffAt: '2026-03-02T09:00:00.000Z' }), []));
  await saveSettings(db, { source: 'import' });
  updated = [];
  handlers = createHandlers({
    db,
    loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
    now: () => NOW,
    notifyUpdated: (tab, email) => updated.push([tab, email]),
  });
});
afterEach(() => db.delete());

const seen = (to: string, at = '2026-03-04T15:00:00.000Z', key = `m-${to}-${at}`) => ({
  host: 'gmail',
  messages: [{ key, to: [to], at, kind: 'thread' }],
});
const report = (data: unknown, sender: object) =>
  dispatch(handlers, fakeBrowser.runtime.id, 'reportMailSeen', data, { id: fakeBrowser.runtime.id, ...sender }, ORIGIN);
const kept = async () => (await db.observedTouches.toArray()).map((t) => [t.email, t.at]);

describe('mail seen in the mailbox, as a content script reports it', () => {
  it('is refused from a HubSpot page, or a Gmail page’s subframe, whatever host it names', async () => {
    await expect(report(seen('ada@lead.example'), HUBSPOT)).rejects.toThrow(/only from its own script on a Gmail page/);
    await expect(report(seen('ada@lead.example'), { ...GMAIL, frameId: 2 })).rejects.toThrow(/Gmail page/);
    await expect(report({ ...seen('ada@lead.example'), host: 'outlook' }, GMAIL)).rejects.toThrow(/Outlook page/);
    await new Promise((r) => setTimeout(r, 20));
    expect(await kept()).toEqual([]);
    expect(updated).toEqual([]);
  });

  it('answers a Gmail page the same for a cached contact and an unknown address, and keeps only the contact’s', async () => {
    const known = await report(seen('ada@lead.example'), GMAIL);
    const unknown = await report(seen('nobody@else.example'), GMAIL);
    expect(known).toEqual(unknown);
    await vi.waitFor(async () => expect(await kept()).toEqual([['ada@lead.example', '2026-03-04T15:00:00.000Z']]));
    // Told once the touch is stored and the cap kept, a moment after the row appears.
    await vi.waitFor(() => expect(updated).toEqual([[4, 'ada@lead.example']]));
  });

  it('does not store a message dated tomorrow, and keeps one sent months ago from another mail client, seen only now', async () => {
    await report(seen('ada@lead.example', '2026-03-06T10:00:00.000Z'), GMAIL);
    await report(seen('ada@lead.example', '2025-11-03T10:00:00.000Z'), GMAIL);
    await vi.waitFor(async () => expect(await kept()).toEqual([['ada@lead.example', '2025-11-03T10:00:00.000Z']]));
  });

  it('on demo data, keeps a reply from the demo’s own week, which stands still at 20 Nov 2026', async () => {
    await saveSettings(db, { source: 'demo' });
    const later = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
    const lena = seen('ada@lead.example', '2026-11-19T11:05:00.000Z');
    await dispatch(later, fakeBrowser.runtime.id, 'reportMailSeen', lena, { id: fakeBrowser.runtime.id, ...GMAIL }, ORIGIN);
    await vi.waitFor(async () => expect(await kept()).toEqual([['ada@lead.example', '2026-11-19T11:05:00.000Z']]));
  });
});

describe('which mail host a page is', () => {
  it('agrees with the hosts the content scripts run on: Gmail and Outlook pages, nothing else', () => {
    for (const host of HOSTS) {
      for (const pattern of host.matches) {
        const url = pattern.replace('*.', 'eu1.').replace(/\*$/, 'some/page');
        expect([url, mailHostOf(url)]).toEqual([url, ['gmail', 'outlook'].includes(host.id) ? host.id : undefined]);
      }
    }
    expect(mailHostOf('https://mail.google.com.evil.example/')).toBeUndefined();
    expect(mailHostOf('http://mail.google.com/')).toBeUndefined();
    expect(mailHostOf(undefined)).toBeUndefined();
  });
});
