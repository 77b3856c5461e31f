import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncFeed } from '@/lib/connectors/feed/sync-feed';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { clearMarketingData } from '@/lib/db/seed';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact, createPersona, createTouch } from '../factories';

const URL_ = 'https://marketing.brightwave.example/leadlight/feed.json';
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const feed = (over: object = {}) => ({
  version: 1,
  generatedAt: '2026-11-19T06:00:00.000Z',
  contacts: [createContact()],
  campaigns: [createCampaign()],
  touches: [createTouch()],
  personas: [createPersona()],
  ...over,
});

const server = setupServer();
const seen: Request[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

let db: LeadlightDb;
const useFeed = (url = URL_) => saveSettings(db, { source: 'feed', feed: { url, intervalMinutes: 60 } });
beforeEach(async () => {
  db = new LeadlightDb(`feed-${crypto.randomUUID()}`);
  // A sync only stores what it read while the settings name its feed.
  await useFeed();
});
afterEach(() => db.delete());

describe('JSON feed sync', () => {
  it('loads the feed, then sends its ETag and takes a 304 as unchanged', async () => {
    server.use(
      http.get(URL_, ({ request }) => {
        seen.push(request);
        if (request.headers.get('if-none-match') === '"v1"') return new HttpResponse(null, { status: 304 });
        return HttpResponse.json(feed(), { headers: { etag: '"v1"', 'last-modified': 'Wed, 19 Nov 2026 06:00:00 GMT' } });
      }),
    );
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated', rowErrors: 0 });
    expect(await db.contacts.count()).toBe(1);
    expect((await db.meta.get('source'))?.name).toBe('Feed: marketing.brightwave.example');
    expect(await syncFeed(db, URL_, new Date(), policy)).toEqual({ status: 'unchanged' });
    expect(seen[1]?.headers.get('if-modified-since')).toBe('Wed, 19 Nov 2026 06:00:00 GMT');
    expect(seen[0]?.credentials).toBe('omit');
  });

  it('syncs a feed whose URL was changed while the old one was syncing, after it, rather than taking its result', async () => {
    const NEW_URL = 'https://feeds.brightwave.example/leadlight.json';
    server.use(
      http.get(URL_, async () => {
        await delay(200);
        return HttpResponse.json(feed({ contacts: [createContact({ email: 'old.feed@x.example' })], touches: [] }));
      }),
      http.get(NEW_URL, () => HttpResponse.json(feed({ contacts: [createContact({ email: 'new.feed@x.example' })], touches: [] }))),
    );
    const old = syncFeed(db, URL_, new Date(), policy);
    await useFeed(NEW_URL);
    const changed = syncFeed(db, NEW_URL, new Date(), policy);
    // Asked again for the new URL while it waits: the same sync, not a second one.
    expect(syncFeed(db, NEW_URL, new Date(), policy)).toBe(changed);
    await old;
    expect(await changed).toMatchObject({ status: 'updated' });
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual(['new.feed@x.example']);
    expect((await db.meta.get('source'))?.name).toBe('Feed: feeds.brightwave.example');
  });

  it('skips bad rows, keeps the good ones and says which row was wrong', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(feed({ contacts: [createContact(), { email: 'not-an-email' }] }))));
    const result = await syncFeed(db, URL_, new Date(), policy);
    expect(result).toMatchObject({ status: 'updated', rowErrors: 1 });
    expect(await db.contacts.count()).toBe(1);
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/contacts\[1\] email/);
  });

  it('keeps a contact whose row has one bad field, without that field, and says so', async () => {
    const grace = createContact({ email: 'grace.hopper@navy.example', name: 'Grace Hopper', title: 'Rear Admiral' });
    server.use(http.get(URL_, () => HttpResponse.json(feed({ contacts: [createContact(), { ...grace, score: 'very high' }] }))));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated', rowErrors: 0 });
    const row = await db.contacts.get('grace.hopper@navy.example');
    expect(row).toMatchObject({ name: 'Grace Hopper', title: 'Rear Admiral', company: 'Analytical Engines' });
    expect(row).not.toHaveProperty('score');
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(
      /^1 rows kept without a bad field, first: contacts\[1\] score: .*\(left out, the rest kept\)$/,
    );
  });

  it('keeps the cache when every contact row is invalid, rather than emptying it and saying it updated', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(feed())));
    await syncFeed(db, URL_, new Date(), policy);
    server.use(http.get(URL_, () => HttpResponse.json(feed({ contacts: [{ email: 'not-an-email' }, { name: 'No Email' }] }))));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^2 of the feed's 2 contact rows are invalid \(first: contacts\[0\] email: .*\)\. The cached data was kept\.$/,
      ),
    });
    expect(await db.contacts.toCollection().primaryKeys()).toEqual(['ada.lovelace@analytical.example']);
    expect(await db.campaigns.count()).toBe(1);
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/2 contact rows are invalid/);
  });

  it('refuses a feed where more than half the contact rows fail, and takes one where half do', async () => {
    const good = (i: number) => createContact({ email: `good${i}@x.example` });
    server.use(http.get(URL_, () => HttpResponse.json(feed({ contacts: [good(1), { email: 'bad1' }, { email: 'bad2' }], touches: [] }))));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/2 of the feed's 3 contact rows are invalid/),
    });
    expect(await db.contacts.count()).toBe(0);
    server.use(
      http.get(URL_, () => HttpResponse.json(feed({ contacts: [good(1), good(2), { email: 'bad1' }, { email: 'bad2' }], touches: [] }))),
    );
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated', rowErrors: 2 });
    expect(await db.contacts.count()).toBe(2);
  });

  it('refuses a file that is not a feed and keeps the cache and feedback as they were', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(feed())));
    await syncFeed(db, URL_, new Date(), policy);
    await saveFeedback(db, { email: 'ada.lovelace@analytical.example', verdict: 'good' }, 'alex');
    server.use(http.get(URL_, () => HttpResponse.json({ hello: 'world' })));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Not a Leadlight feed/),
    });
    expect(await db.contacts.count()).toBe(1);
    expect(await db.feedback.count()).toBe(1);
  });

  it('retries a 503 with backoff, and reports a host that stays down', async () => {
    let calls = 0;
    server.use(http.get(URL_, () => (++calls < 3 ? new HttpResponse('busy', { status: 503 }) : HttpResponse.json(feed()))));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated' });
    server.use(http.get(URL_, () => new HttpResponse('down', { status: 500 })));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 500/) });
    expect(await db.contacts.count()).toBe(1);
  });

  it('fetches in full after its data was replaced, rather than taking a 304 for data no longer there', async () => {
    server.use(
      http.get(URL_, ({ request }) => {
        seen.push(request);
        if (request.headers.get('if-none-match') === '"v1"') return new HttpResponse(null, { status: 304 });
        return HttpResponse.json(feed(), { headers: { etag: '"v1"' } });
      }),
    );
    await syncFeed(db, URL_, new Date(), policy);
    // The rep tried a CRM for a while (its data replaced the feed's), then came back to the same feed.
    await clearMarketingData(db);
    await db.meta.put({ key: 'source', name: 'HubSpot', loadedAt: '2026-11-20T09:00:00.000Z' });
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ status: 'updated' });
    expect(seen[1]?.headers.get('if-none-match')).toBeNull();
    expect(await db.contacts.count()).toBe(1);
  });

  it('does not sleep through a long Retry-After: it fails now, saying so, and the next scheduled sync asks again', async () => {
    const slept: number[] = [];
    const waiting = { ...policy, sleep: async (ms: number) => void slept.push(ms) };
    let calls = 0;
    server.use(http.get(URL_, () => (++calls, new HttpResponse('slow down', { status: 429, headers: { 'retry-after': '3600' } }))));
    expect(await syncFeed(db, URL_, new Date(), waiting)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/wait 60 min \(HTTP 429\)/),
    });
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/wait 60 min/);
  });

  it('waits out a short Retry-After inline and then loads the feed', async () => {
    const slept: number[] = [];
    const waiting = { ...policy, sleep: async (ms: number) => void slept.push(ms) };
    let calls = 0;
    server.use(
      http.get(URL_, () =>
        ++calls === 1 ? new HttpResponse('busy', { status: 503, headers: { 'retry-after': '5' } }) : HttpResponse.json(feed()),
      ),
    );
    expect(await syncFeed(db, URL_, new Date(), waiting)).toMatchObject({ status: 'updated' });
    expect(slept).toEqual([5_000]);
  });

  it('reports invalid JSON and network failures in words', async () => {
    server.use(http.get(URL_, () => new HttpResponse('{"version":1,', { headers: { 'content-type': 'application/json' } })));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ error: 'The feed is not valid JSON.' });
    server.use(http.get(URL_, () => HttpResponse.error()));
    expect(await syncFeed(db, URL_, new Date(), policy)).toMatchObject({ error: 'Could not reach the feed URL.' });
  });
});
