import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resumeFeedSync, syncFeed } from '@/lib/connectors/feed/sync-feed';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { LeadlightDb } from '@/lib/db/database';
import { stageBatch } from '@/lib/db/feed-staging';
import { replaceDataset } from '@/lib/db/seed';
import { createHandlers } from '@/lib/messaging/handlers';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact } from '../factories';

const URL_ = 'https://marketing.brightwave.example/leadlight/feed.json';
const OTHER_URL = 'https://feeds.tessel.example/leadlight.json';
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const person = (i: number) => `person${i}@scale.example`;
const feed = (n: number, over: object = {}) => ({
  version: 1,
  contacts: Array.from({ length: n }, (_, i) => createContact({ email: person(i), name: `Person ${i}` })),
  campaigns: [createCampaign()],
  touches: [],
  ...over,
});
const PENDING = { sourceName: 'Feed: marketing.brightwave.example', rows: 121, personas: false };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`feed-recovery-${crypto.randomUUID()}`);
  await saveSettings(db, { source: 'feed', feed: { url: URL_, intervalMinutes: 60 } });
});
afterEach(() => db.delete());

/** Reopens the test database with writes to `contacts` refused as a full disk refuses them, `times` times. */
function fullDisk(times: number): LeadlightDb {
  let left = times;
  db.close();
  db = new LeadlightDb(db.name);
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) =>
            name === 'contacts' && req.type === 'put' && req.values.length > 1 && left-- > 0
              ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
              : table.mutate(req),
        };
      },
    }),
  });
  return db;
}

describe('a feed swap a stopped worker left behind', () => {
  it('keeps every contact when the swap had finished but the worker stopped before it was recorded', async () => {
    // The feed's data is in place and its staging area cleared; only the "applying" mark is left.
    await replaceDataset(
      db,
      { contacts: feed(120).contacts, campaigns: [createCampaign()], touches: [], personas: [] },
      PENDING.sourceName,
    );
    await db.meta.put({ key: 'sync:feed', name: URL_, phase: 'applying', pending: PENDING });
    await resumeFeedSync(db);
    expect(await db.contacts.count()).toBe(120);
    expect(await db.campaigns.count()).toBe(1);
    expect(await db.meta.get('sync:feed')).not.toHaveProperty('phase');
    expect(await db.meta.get('sync:feed')).not.toHaveProperty('pending');
  });

  it.each([
    ['demo data', { source: 'demo' as const }],
    ['another feed', { source: 'feed' as const, feed: { url: OTHER_URL, intervalMinutes: 60 } }],
  ])('drops it, keeping the data in use, when the rep has since chosen %s', async (_, settings) => {
    await replaceDataset(
      db,
      { contacts: [createContact({ email: 'demo@brightwave.example' })], campaigns: [], touches: [], personas: [] },
      'Demo data',
    );
    await stageBatch(db, { ...feed(5), personas: [] });
    await db.meta.put({ key: 'sync:feed', name: URL_, phase: 'applying', pending: PENDING });
    await saveSettings(db, settings);
    expect(await resumeFeedSync(db)).toBe('idle');
    expect(await db.contacts.toCollection().primaryKeys()).toEqual(['demo@brightwave.example']);
    expect((await db.meta.get('source'))?.name).toBe('Demo data');
    expect(await db.feedStaging.count()).toBe(0);
    expect(await db.meta.get('sync:feed')).not.toHaveProperty('phase');
    expect(await db.meta.get('sync:feed')).not.toHaveProperty('pending');
  });
});

describe('a feed swap that failed on a full disk', () => {
  it('no longer shows as syncing, says why, and a second failure is reported rather than thrown', async () => {
    await replaceDataset(
      db,
      { contacts: [createContact({ email: 'old@before.example' })], campaigns: [], touches: [], personas: [] },
      'Demo data',
    );
    server.use(http.get(URL_, () => HttpResponse.json(feed(120), { headers: { etag: '"v1"' } })));
    fullDisk(2);
    const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
    const sender = { id: fakeBrowser.runtime.id, url: 'chrome-extension://leadlight/options.html' };

    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'failed', error: expect.stringMatching(/disk is full/) });
    const view = await handlers.getSettings({}, sender);
    expect(view.feed?.syncing).toBeUndefined();
    expect(view.feed?.lastError).toMatch(/new feed data could not be put in place: .*disk is full/);

    // The next sync finishes the swap first; the disk is still full.
    await expect(syncFeed(db, URL_, new Date(), policy)).resolves.toMatchObject({ status: 'failed' });
    expect((await handlers.getSettings({}, sender)).feed).toMatchObject({
      syncing: undefined,
      lastError: expect.stringMatching(/disk is full/),
    });

    server.use(http.get(URL_, () => new HttpResponse(null, { status: 304 })));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'unchanged' });
    expect(await db.contacts.count()).toBe(120);
    expect(await db.contacts.get('old@before.example')).toBeUndefined();
  });
});

describe('the skipped-rows report', () => {
  it('stays through unchanged checks, and comes back after a failed one', async () => {
    let answer: () => Response = () =>
      HttpResponse.json(feed(3, { contacts: [createContact(), { email: 'not-an-email' }] }), { headers: { etag: '"v1"' } });
    server.use(http.get(URL_, () => answer()));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated', rowErrors: 1 });
    const report = /1 rows skipped, first: contacts\[1\] email/;
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(report);

    answer = () => new HttpResponse(null, { status: 304 });
    expect(await syncFeed(db, URL_, new Date(), policy)).toEqual({ status: 'unchanged' });
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(report);

    answer = () => new HttpResponse('down', { status: 500 });
    await syncFeed(db, URL_, new Date(), policy);
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/HTTP 500/);
    answer = () => new HttpResponse(null, { status: 304 });
    expect(await syncFeed(db, URL_, new Date(), policy)).toEqual({ status: 'unchanged' });
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(report);
  });
});
