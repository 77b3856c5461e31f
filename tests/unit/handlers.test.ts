import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { importBatch } from '@/lib/domain/import-batch';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { createHandlers, DEMO_SOURCE_NAME, dispatch, RejectedMessageError } from '@/lib/messaging/handlers';
import { loadTeamVerdicts } from '@/lib/team/team-source';
import { deferred } from '../dom/fakes';
import { createCampaign, createContact, createPersona, createTouch } from '../factories';
import { touchIds } from '../support/db-rows';

const dataset = () => ({
  contacts: [createContact()],
  campaigns: [createCampaign()],
  touches: [createTouch()],
  personas: [createPersona()],
});

let db: LeadlightDb;
let handlers: ReturnType<typeof createHandlers>;
const own = () => ({ id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/' });

beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`test-${crypto.randomUUID()}`);
  handlers = createHandlers({ db, loadDemoData: dataset, now: () => new Date('2026-11-20T10:00:00.000Z') });
  await ensureSeeded(db, dataset, DEMO_SOURCE_NAME);
});
afterEach(() => db.delete());

describe('dispatch', () => {
  it('answers a valid request from our own scripts', async () => {
    const rows = await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'getContactContexts',
      { emails: ['ADA.lovelace@analytical.example', 'x@unknown.example'] },
      own(),
    );
    expect(rows.map((r) => [r.email, r.context?.contact.name ?? null])).toEqual([
      ['ada.lovelace@analytical.example', 'Ada Lovelace'],
      ['x@unknown.example', null],
    ]);
  });

  it('refuses messages from another extension or a page', async () => {
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', {}, { id: 'other-extension' })).rejects.toThrow(
      RejectedMessageError,
    );
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', {}, { url: 'https://evil.example' })).rejects.toThrow(
      /outside Leadlight/,
    );
  });

  it('refuses malformed bodies before any handler runs, and stores nothing', async () => {
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'getContactContexts', { emails: ['not-an-email'] }, own())).rejects.toThrow(
      /Invalid getContactContexts/,
    );
    await expect(
      dispatch(handlers, fakeBrowser.runtime.id, 'submitLeadFeedback', { email: 'ada.lovelace@analytical.example', verdict: 'bad' }, own()),
    ).rejects.toThrow(/needs a reason/);
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', { sneaky: 1 }, own())).rejects.toThrow(
      RejectedMessageError,
    );
    expect(await db.feedback.count()).toBe(0);
  });

  it('reads an import batch from its JSON text and refuses text that is not JSON or holds an invalid record, storing nothing', async () => {
    const importing = (data: unknown) => dispatch(handlers, fakeBrowser.runtime.id, 'importRecords', data, own());
    const contact = createContact({ email: 'grace.hopper@navy.example', name: 'Grace Hopper' });
    const touch = createTouch({ id: 'tch-grace', email: 'grace.hopper@navy.example' });
    await expect(importing('{"contacts": [')).rejects.toThrow(/Invalid importRecords: .*Not JSON/s);
    await expect(
      importing(JSON.stringify(importBatch({ contacts: [contact], campaigns: [], touches: [{ ...touch, date: '2026-02-30' }] }))),
    ).rejects.toThrow(/Invalid importRecords: .*touches\[0\]\.date/s);
    await expect(importing(importBatch({ contacts: [contact], campaigns: [], touches: [touch] }))).rejects.toThrow(/Invalid importRecords/);
    expect(await db.contacts.get('grace.hopper@navy.example')).toBeUndefined();
    await importing(JSON.stringify(importBatch({ contacts: [contact], campaigns: [], touches: [touch] })));
    expect(touchIds(await db.contacts.get('grace.hopper@navy.example'))).toEqual(['tch-grace']);
  });

  it('wants a date with "Recycle to nurture" and a reason with a date, and stores nothing otherwise', async () => {
    const submit = (extra: object) =>
      dispatch(
        handlers,
        fakeBrowser.runtime.id,
        'submitLeadFeedback',
        { email: 'ada.lovelace@analytical.example', verdict: 'bad', kind: 'handoff', ...extra },
        own(),
      );
    await expect(submit({ reasonId: 'recycle_nurture' })).rejects.toThrow(/needs a date/);
    await expect(submit({ reasonId: 'recycle_nurture', recycleOn: '01/03/2027' })).rejects.toThrow(/Invalid submitLeadFeedback/);
    await expect(
      dispatch(
        handlers,
        fakeBrowser.runtime.id,
        'submitLeadFeedback',
        { email: 'ada.lovelace@analytical.example', verdict: 'good', recycleOn: '2027-03-01' },
        own(),
      ),
    ).rejects.toThrow(/goes with a reason/);
    expect(await db.feedback.count()).toBe(0);
    const stored = await submit({ reasonId: 'recycle_nurture', recycleOn: '2027-03-01' });
    expect(stored).toMatchObject({ kind: 'handoff', reasonId: 'recycle_nurture', recycleOn: '2027-03-01' });
  });

  it('refuses a reason that is retired or belongs to the other verdict, and stores nothing', async () => {
    const submit = (reasonId: string, verdict: 'good' | 'bad') =>
      dispatch(
        handlers,
        fakeBrowser.runtime.id,
        'submitLeadFeedback',
        { email: 'ada.lovelace@analytical.example', verdict, reasonId },
        own(),
      );
    await expect(submit('no_budget', 'good')).rejects.toThrow(/does not belong/);
    await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'saveReasons',
      [{ id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget', retired: true }],
      own(),
    );
    await expect(submit('no_budget', 'bad')).rejects.toThrow(/not in the team/);
    expect(await db.feedback.count()).toBe(0);
  });

  it('lets a content script send detections and nothing else', async () => {
    const page = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 }, frameId: 0 };
    const origin = 'chrome-extension://leadlight/';
    const relayed: unknown[] = [];
    handlers = createHandlers({ db, loadDemoData: dataset, sidebarDetected: (tabId, snapshot) => relayed.push([tabId, snapshot]) });
    const snapshot = { page: 'p1', seq: 1, participants: [{ email: 'Ada.Lovelace@analytical.example' }], toggles: 0 };
    await dispatch(handlers, fakeBrowser.runtime.id, 'reportDetection', snapshot, page, origin);
    expect(relayed).toEqual([[4, { ...snapshot, participants: [{ email: 'ada.lovelace@analytical.example' }] }]]);
    // A detection from a page's subframe is not relayed: only the top frame's content script detects.
    await dispatch(handlers, fakeBrowser.runtime.id, 'reportDetection', snapshot, { ...page, frameId: 3 }, origin);
    expect(relayed).toHaveLength(1);
    // The rep's own mail seen on the page is a detection too, kept for known contacts only.
    const seen = { host: 'gmail', messages: [{ key: 'k1', to: ['nobody@else.example'], at: '2026-03-02T10:00:00.000Z', kind: 'thread' }] };
    expect(await dispatch(handlers, fakeBrowser.runtime.id, 'reportMailSeen', seen, page, origin)).toEqual({ recorded: 1 });
    for (const [type, data] of [
      ['getContactContexts', { emails: ['ada.lovelace@analytical.example'] }],
      ['submitLeadFeedback', { email: 'ada.lovelace@analytical.example', verdict: 'good' }],
      ['retractLeadFeedback', { id: 'x' }],
      ['getReasons', {}],
      ['deleteAllLocalData', { confirm: 'DELETE' }],
      ['setHubspotToken', { token: 'pat-na1-attacker-token' }],
      ['listLeadFeedback', {}],
      ['getFeedbackCsv', {}],
    ] as const) {
      await expect(dispatch(handlers, fakeBrowser.runtime.id, type, data, page, origin)).rejects.toThrow(/not available to pages/);
    }
    // A web page whose address merely mentions Leadlight's origin is still a web page.
    for (const url of [`https://mail.google.com/#${origin}`, `https://evil.example/?${origin}options.html`]) {
      await expect(
        dispatch(
          handlers,
          fakeBrowser.runtime.id,
          'submitLeadFeedback',
          { email: 'ada.lovelace@analytical.example', verdict: 'good' },
          { ...page, url },
          origin,
        ),
      ).rejects.toThrow(/not available to pages/);
    }
    expect(await db.feedback.count()).toBe(0);
    // The options page and the sidebar frame, in a tab, are Leadlight's own pages, at either of its origins.
    const optionsTab = { id: fakeBrowser.runtime.id, url: `${origin}options.html`, tab: { id: 5 } };
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', {}, optionsTab, origin)).resolves.toEqual([]);
    const frame = { id: fakeBrowser.runtime.id, url: 'chrome-extension://dynamic-id/sidebar.html', tab: { id: 4 }, frameId: 9 };
    const origins = [origin, 'chrome-extension://dynamic-id'];
    await expect(
      dispatch(handlers, fakeBrowser.runtime.id, 'getContactContexts', { emails: ['ada.lovelace@analytical.example'] }, frame, origins),
    ).resolves.toHaveLength(1);
  });

  it('refuses unknown message types', async () => {
    await expect(dispatch(handlers, fakeBrowser.runtime.id, 'dropDatabase' as never, {}, own())).rejects.toThrow(/Unknown message/);
  });

  it('signs a verdict with the rep from Settings, never with the author a sender names', async () => {
    // Each verdict differs, so none is the same rep's unchanged verdict (which is not written again).
    const submit = (note?: string) =>
      dispatch(
        handlers,
        fakeBrowser.runtime.id,
        'submitLeadFeedback',
        { email: 'ada.lovelace@analytical.example', verdict: 'good', author: 'ceo@victim.example', note },
        own(),
      );
    // Off the demo (whose inbox is Alex Rivera's), nobody set in Settings signs as "unknown".
    await dispatch(handlers, fakeBrowser.runtime.id, 'saveSettings', { source: 'import' }, own());
    expect((await submit()).author).toBe('unknown');
    await dispatch(handlers, fakeBrowser.runtime.id, 'saveSettings', { rep: { email: 'Alex.Rivera@brightwave.example' } }, own());
    expect((await submit()).author).toBe('alex.rivera@brightwave.example');
    await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'saveSettings',
      { rep: { email: 'alex.rivera@brightwave.example', name: 'Alex Rivera' } },
      own(),
    );
    expect((await submit('Signed with a name now')).author).toBe('Alex Rivera <alex.rivera@brightwave.example>');
  });

  it('signs with the connected CRM user when the rep set no address', async () => {
    handlers = createHandlers({
      db,
      loadDemoData: dataset,
      liveConnector: async () => ({ id: 'hubspot', label: 'HubSpot', currentUserEmail: async () => 'owner@brightwave.example' }),
    });
    const fb = await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'submitLeadFeedback',
      { email: 'ada.lovelace@analytical.example', verdict: 'good', author: 'ceo@victim.example' },
      own(),
    );
    expect(fb.author).toBe('owner@brightwave.example');
  });

  it('on the demo with nobody set in Settings, signs as Alex Rivera, whose inbox it is: "only mine" and the five reps include it', async () => {
    const fb = await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'submitLeadFeedback',
      { email: 'ada.lovelace@analytical.example', verdict: 'good' },
      own(),
    );
    // As the demo team's CRM signs Alex's verdicts (README: the demo inbox is his, its team five reps).
    expect(fb.author).toBe('Alex Rivera <alex.rivera@brightwave.example>');
    const mine = await loadTeamVerdicts(db, { source: 'demo' }, true);
    expect(mine.verdicts.map((v) => v.id)).toContain(fb.id);
    expect(mine.scope).toMatchObject({ reps: 1, me: 'alex.rivera@brightwave.example' });
    expect((await loadTeamVerdicts(db, { source: 'demo' })).scope.reps).toBe(5);
  });

  it('stores feedback, reports it kept in this browser without a CRM, and lets it be retracted', async () => {
    const fb = await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'submitLeadFeedback',
      { email: 'ada.lovelace@analytical.example', verdict: 'good', reasonId: 'active_project' },
      own(),
    );
    expect(fb).toMatchObject({ verdict: 'good', createdAt: '2026-11-20T10:00:00.000Z' });
    expect(await dispatch(handlers, fakeBrowser.runtime.id, 'getCacheStatus', {}, own())).toMatchObject({
      unsentFeedback: 0,
      localFeedback: 1,
      crmConnected: false,
    });
    // The options page lists people by name, from the cache.
    expect(await dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', {}, own())).toEqual([
      expect.objectContaining({ id: fb.id, contactName: 'Ada Lovelace' }),
    ]);
    expect(await dispatch(handlers, fakeBrowser.runtime.id, 'retractLeadFeedback', { id: fb.id }, own())).toEqual({ retracted: true });
    expect(await dispatch(handlers, fakeBrowser.runtime.id, 'listLeadFeedback', {}, own())).toEqual([]);
  });

  it('resets demo data without touching feedback', async () => {
    await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'submitLeadFeedback',
      { email: 'ada.lovelace@analytical.example', verdict: 'good' },
      own(),
    );
    await db.contacts.clear();
    const status = await dispatch(handlers, fakeBrowser.runtime.id, 'resetDemoData', {}, own());
    expect(status).toMatchObject({ sourceName: DEMO_SOURCE_NAME, contactCount: 1, localFeedback: 1 });
  });
});

describe('ensureSeeded', () => {
  it('seeds once and leaves an existing cache alone', async () => {
    expect(await ensureSeeded(db, dataset, DEMO_SOURCE_NAME)).toBe(false);
    const fresh = new LeadlightDb(`test-${crypto.randomUUID()}`);
    expect(await ensureSeeded(fresh, dataset, DEMO_SOURCE_NAME)).toBe(true);
    expect(await fresh.contacts.count()).toBe(1);
    await fresh.delete();
  });
});

describe('saveSettings', () => {
  it('changes only the fields sent, never resetting the others to defaults', async () => {
    await dispatch(
      handlers,
      fakeBrowser.runtime.id,
      'saveSettings',
      { salesforce: { clientId: '3MVG9-consumer-key', loginHost: 'test.salesforce.com' } },
      own(),
    );
    await dispatch(handlers, fakeBrowser.runtime.id, 'saveSettings', { cacheTtlMinutes: 15 }, own());
    const view = await dispatch(handlers, fakeBrowser.runtime.id, 'getSettings', {}, own());
    expect(view.settings).toMatchObject({
      source: 'demo',
      cacheTtlMinutes: 15,
      salesforce: { clientId: '3MVG9-consumer-key', loginHost: 'test.salesforce.com' },
    });
  });

  it('answers at once when a new feed is saved, while the first sync is still running', async () => {
    const sync = deferred<{ status: 'updated' }>();
    const syncFeedNow = vi.fn(() => sync.promise);
    const withFeed = createHandlers({ db, loadDemoData: dataset, syncFeedNow });
    const url = 'https://marketing.brightwave.example/leadlight/feed.json';
    const view = await dispatch(
      withFeed,
      fakeBrowser.runtime.id,
      'saveSettings',
      { source: 'feed', feed: { url, intervalMinutes: 60 } },
      own(),
    );
    expect(view.settings.feed?.url).toBe(url);
    expect(syncFeedNow).toHaveBeenCalledTimes(1);
    sync.resolve({ status: 'updated' });
  });
});

describe('the toolbar’s overdue count', () => {
  it('is recounted after every change of which hand-offs there are: an import, the demo reloaded, data deleted, settings saved', async () => {
    const slaChanged = vi.fn();
    const counted = createHandlers({ db, loadDemoData: dataset, slaChanged });
    const sender = { id: fakeBrowser.runtime.id };
    await counted.beginImport({ replace: false }, sender);
    await counted.importRecords(
      importBatch({ contacts: [createContact({ handoffAt: '2026-11-19T09:00:00.000Z' })], campaigns: [], touches: [] }),
      sender,
    );
    await counted.finishImport({ fileName: 'hand-offs.csv', rows: 1, replace: false }, sender);
    expect(slaChanged).toHaveBeenCalledTimes(1);
    await counted.resetDemoData({}, sender);
    expect(slaChanged).toHaveBeenCalledTimes(2);
    await counted.saveSettings({ rep: { email: 'jamie.chen@brightwave.example' } }, sender);
    expect(slaChanged).toHaveBeenCalledTimes(3);
    await counted.deleteAllLocalData({ confirm: 'DELETE' }, sender);
    expect(slaChanged).toHaveBeenCalledTimes(4);
  });

  it('is recounted after a hand-off is rejected, and after an undo, but not after a quality verdict', async () => {
    const slaChanged = vi.fn();
    const counted = createHandlers({ db, loadDemoData: dataset, slaChanged });
    const email = createContact().email;
    await counted.submitLeadFeedback({ email, verdict: 'good' }, own());
    expect(slaChanged).not.toHaveBeenCalled();
    const rejected = await counted.submitLeadFeedback({ email, verdict: 'bad', kind: 'handoff' }, own());
    expect(slaChanged).toHaveBeenCalledTimes(1);
    await counted.retractLeadFeedback({ id: rejected.id }, own());
    expect(slaChanged).toHaveBeenCalledTimes(2);
  });
});

describe('a contact refreshed from the CRM', () => {
  it('has the overdue count recounted, as the CRM may have logged the first touch', async () => {
    const slaChanged = vi.fn();
    const notifyUpdated = vi.fn();
    const lead = createContact({ email: 'maya.okafor@northwind-logistics.example', handoffAt: '2026-11-19T09:00:00.000Z' });
    await db.contacts.put({
      ...lead,
      touches: { s: [], t: [] },
      fetchedAt: '2026-11-01T00:00:00.000Z',
      viewedAt: '2026-11-01T00:00:00.000Z',
    });
    const crm = createHandlers({
      db,
      loadDemoData: dataset,
      liveConnector: async () => ({
        id: 'hubspot',
        label: 'HubSpot',
        fetchContact: async () => ({ contact: lead, campaigns: [], touches: [createTouch({ email: lead.email, assetType: 'call' })] }),
      }),
      notifyUpdated,
      slaChanged,
    });
    await crm.getContactContexts({ emails: [lead.email] }, { id: fakeBrowser.runtime.id, tab: { id: 7 } });
    await vi.waitFor(() => expect(notifyUpdated).toHaveBeenCalledWith(7, lead.email));
    expect(slaChanged).toHaveBeenCalledTimes(1);
  });
});
