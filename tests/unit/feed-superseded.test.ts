import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncFeed } from '@/lib/connectors/feed/sync-feed';
import { FEED_LIMITS } from '@/lib/connectors/feed/read-feed';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { LeadlightDb } from '@/lib/db/database';
import { beginImport, finishImport, upsertRecords } from '@/lib/db/import-repository';
import { importBatch } from '@/lib/domain/import-batch';
import { createHandlers } from '@/lib/messaging/handlers';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact, createPersona } from '../factories';

const URL_ = 'https://marketing.brightwave.example/leadlight/feed.json';
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const limits = { ...FEED_LIMITS, batchSize: 10 };
const DEMO = 'demo.person@brightwave.example';
const IMPORTED = 'imported.person@tessel.example';
const feedPerson = (i: number) => `feed${i}@scale.example`;
const feedBody = {
  version: 1,
  contacts: Array.from({ length: 60 }, (_, i) => createContact({ email: feedPerson(i), name: `Feed ${i}` })),
  campaigns: [createCampaign({ id: 'cmp-feed' })],
  touches: [],
};
const feedText = JSON.stringify(feedBody);
const demo = () => ({ contacts: [createContact({ email: DEMO })], campaigns: [], touches: [], personas: [createPersona()] });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: LeadlightDb;
let handlers: ReturnType<typeof createHandlers>;
const sender = () => ({ id: fakeBrowser.runtime.id, url: 'chrome-extension://leadlight/options.html' });
beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`feed-superseded-${crypto.randomUUID()}`);
  handlers = createHandlers({ db, loadDemoData: demo });
  await saveSettings(db, { source: 'feed', feed: { url: URL_, intervalMinutes: 60 } });
});
afterEach(() => db.delete());
// "Delete all local data" on the options page, confirmed.
const deleteAll = () => handlers.deleteAllLocalData({ confirm: 'DELETE' }, sender());

/**
 * Serves the feed in pieces and, half-way through its body (or before answering at
 * all), waits for `meanwhile`: what the rep does while a long sync runs.
 */
function serveWhile(meanwhile: () => Promise<unknown>, at: 'body' | 'answer' = 'body') {
  const bytes = new TextEncoder().encode(feedText);
  const half = Math.floor(bytes.length / 2);
  let done: Promise<unknown> | undefined;
  // The sync may stop reading before the rep is done: the test waits for both.
  server.use(
    http.get(URL_, async () => {
      if (at === 'answer') await (done = meanwhile());
      let step = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          step += 1;
          if (step === 1) return controller.enqueue(bytes.subarray(0, half));
          if (step === 2 && at === 'body') {
            done = meanwhile();
            await done;
            return controller.enqueue(bytes.subarray(half));
          }
          controller.close();
        },
      });
      return new HttpResponse(body, { headers: { 'content-type': 'application/json' } });
    }),
  );
  return () => done ?? Promise.reject(new Error('the feed was never read half-way'));
}

describe('a feed sync the rep moved on from while it ran', () => {
  it('leaves nothing behind after "Delete all local data": no contacts, no source line, no feed address', async () => {
    const happened = serveWhile(() => deleteAll());
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await expect(happened()).resolves.not.toThrow();
    expect(result.status).not.toBe('updated');
    expect(await db.contacts.count()).toBe(0);
    expect(await db.meta.get('source')).toBeUndefined();
    expect(await db.meta.get('sync:feed')).toBeUndefined();
    expect(await db.feedStaging.count()).toBe(0);
    expect((await handlers.getCacheStatus({}, sender())).sourceName).toBe('No data loaded');
  });

  it('keeps the demo data the rep switched to, and says why the feed stopped', async () => {
    const happened = serveWhile(async () => {
      await handlers.saveSettings({ source: 'demo' }, sender());
      await handlers.resetDemoData({}, sender());
    });
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await expect(happened()).resolves.not.toThrow();
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/data source was changed/) });
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([DEMO]);
    expect((await handlers.getCacheStatus({}, sender())).sourceName).toBe('Demo data (Brightwave Analytics)');
    expect(await db.campaigns.count()).toBe(0);
  });

  it('keeps an import that replaced the data while the feed was read', async () => {
    const happened = serveWhile(async () => {
      await beginImport(db, true);
      await upsertRecords(db, importBatch({ contacts: [createContact({ email: IMPORTED })], campaigns: [], touches: [] }));
      await finishImport(db, 'q3-leads.csv');
    }, 'answer');
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await expect(happened()).resolves.not.toThrow();
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/other data \(Import: q3-leads.csv\) was loaded/) });
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([IMPORTED]);
    expect((await db.meta.get('source'))?.name).toBe('Import: q3-leads.csv');
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/feed sync stopped/);
  });

  it('does not swap in under an import that is still replacing the data, which then finishes whole', async () => {
    const happened = serveWhile(async () => {
      await beginImport(db, true);
      await upsertRecords(db, importBatch({ contacts: [createContact({ email: IMPORTED })], campaigns: [], touches: [] }));
    });
    expect(await syncFeed(db, URL_, new Date(), policy, limits)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/an import is replacing the data/),
    });
    await expect(happened()).resolves.not.toThrow();
    await finishImport(db, 'q3-leads.csv');
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([IMPORTED]);
  });

  it('keeps the rows of a file added to the data while the feed was read, and says why it stopped', async () => {
    const happened = serveWhile(async () => {
      await beginImport(db, false);
      await upsertRecords(db, importBatch({ contacts: [createContact({ email: IMPORTED })], campaigns: [], touches: [] }));
    });
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await expect(happened()).resolves.not.toThrow();
    await finishImport(db, 'added.csv', new Date(), false);
    expect(result.status).not.toBe('updated');
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([IMPORTED]);
    expect((await db.meta.get('source'))?.name).toBe('Import: added.csv');
    expect((await db.meta.get('sync:feed'))?.lastError).toMatch(/stopped because a file was being imported/);
  });

  it('still holds off for a replacing import after a file added beside it finished', async () => {
    const ADDED = 'added.person@tessel.example';
    await beginImport(db, true);
    await upsertRecords(db, importBatch({ contacts: [createContact({ email: IMPORTED })], campaigns: [], touches: [] }));
    await beginImport(db, false);
    await upsertRecords(db, importBatch({ contacts: [createContact({ email: ADDED })], campaigns: [], touches: [] }));
    await finishImport(db, 'added.csv', new Date(), false);
    server.use(http.get(URL_, () => HttpResponse.json(feedBody)));
    expect(await syncFeed(db, URL_, new Date(), policy, limits)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/an import is replacing the data/),
    });
    await finishImport(db, 'q3-leads.csv');
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([ADDED, IMPORTED]);
  });

  it('syncs as usual once a file added to the data has finished', async () => {
    await beginImport(db, false);
    await upsertRecords(db, importBatch({ contacts: [createContact({ email: IMPORTED })], campaigns: [], touches: [] }));
    await finishImport(db, 'added.csv', new Date(), false);
    server.use(http.get(URL_, () => HttpResponse.json(feedBody)));
    expect(await syncFeed(db, URL_, new Date(), policy, limits)).toMatchObject({ status: 'updated' });
    expect(await db.contacts.count()).toBe(60);
  });
});

describe('a feed swap the rep moved on from part-way', () => {
  /** Opens the database afresh so that `meanwhile` runs right after the swap's first write of contacts. */
  function afterFirstWrite(meanwhile: () => Promise<unknown>): () => Promise<unknown> {
    let done: Promise<unknown> | undefined;
    db.close();
    db = new LeadlightDb(db.name);
    db.use({
      stack: 'dbcore',
      name: 'rep-acts-mid-swap',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: async (req) => {
              const result = await table.mutate(req);
              if (name === 'contacts' && req.type === 'put' && !done) done = Dexie.ignoreTransaction(meanwhile);
              return result;
            },
          };
        },
      }),
    });
    handlers = createHandlers({ db, loadDemoData: demo });
    // Six writes of 50 contacts.
    const contacts = Array.from({ length: 300 }, (_, i) => createContact({ email: feedPerson(i) }));
    server.use(http.get(URL_, () => HttpResponse.json({ ...feedBody, contacts })));
    return () => done ?? Promise.reject(new Error('the swap never wrote contacts'));
  }

  it('writes no more of the feed once everything was deleted', async () => {
    const happened = afterFirstWrite(() => deleteAll());
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await happened();
    expect(result.status).not.toBe('updated');
    expect(await db.contacts.count()).toBe(0);
    expect(await db.meta.toArray()).toEqual([]);
  });

  it('writes no more of the feed once the rep went back to the demo data', async () => {
    const happened = afterFirstWrite(async () => {
      await handlers.saveSettings({ source: 'demo' }, sender());
      await handlers.resetDemoData({}, sender());
    });
    const result = await syncFeed(db, URL_, new Date(), policy, limits);
    await happened();
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/data source was changed/) });
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([DEMO]);
    expect((await db.meta.get('source'))?.name).toBe('Demo data (Brightwave Analytics)');
  });
});
