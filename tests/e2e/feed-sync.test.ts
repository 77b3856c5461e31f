import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedEmail, generateFeed } from '../support/generate-feed';
import { sendFromExtensionPage } from './support/extension-messages';
import { launchWithExtension, type Launched } from './support/launch';
import { stopWorker } from './support/stop-worker';

const FEED_URL = 'https://feeds.brightwave.example/leadlight/feed.json';
const CONTACTS = 10_000;
const TOUCHES = 10; // 110,000 records, about 20 MB
let browser: Launched;
let fetches = 0;

type Status = { sourceName: string; contactCount: number };
type View = { feed?: { lastSyncAt?: string; lastError?: string; syncing?: string } };

beforeAll(async () => {
  browser = await launchWithExtension();
  const body = generateFeed(CONTACTS, TOUCHES);
  // The background fetches the feed like any cross-origin host; the feed host allows it.
  await browser.context.route(FEED_URL, (route) => {
    fetches += 1;
    return route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
    });
  });
});
afterAll(() => browser?.close());

/**
 * Where the sync stood when the worker stopped, read from the extension's own database
 * by one of its pages, which (unlike a message) does not wake a new worker. The phase
 * seen before the stop can be stale: the busy worker answers slowly.
 */
function phaseInDatabase(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('leadlight');
        open.onerror = () => reject(open.error ?? new Error('Could not open the database'));
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get('sync:feed');
          read.onerror = () => reject(read.error ?? new Error('Could not read the feed sync state'));
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { phase?: string } | undefined)?.phase);
          };
        };
      }),
  );
}

describe('a 110k-record feed', () => {
  it('saves at once, survives the worker being stopped mid-sync, and ends with the whole feed in place', { timeout: 240_000 }, async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const before = await sendFromExtensionPage<Status>(options, 'getCacheStatus', {});

    const saved = await sendFromExtensionPage<View>(options, 'saveSettings', {
      source: 'feed',
      feed: { url: FEED_URL, intervalMinutes: 60 },
    });
    // Saving answered before the first sync finished.
    expect(saved.feed?.lastSyncAt).toBeUndefined();

    await expect
      .poll(async () => (await sendFromExtensionPage<View>(options, 'getSettings', {})).feed?.syncing, {
        timeout: 60_000,
        interval: 20,
      })
      .toBeDefined();
    await stopWorker(browser, options);
    const cutIn = await phaseInDatabase(options);
    // Cut while reading the feed or while swapping it in; either must end cleanly.
    expect(['staging', 'applying']).toContain(cutIn);
    if (cutIn === 'staging') {
      // Nothing of the half-read feed reached the cache.
      const during = await sendFromExtensionPage<Status>(options, 'getCacheStatus', {});
      expect(during).toMatchObject({ sourceName: before.sourceName, contactCount: before.contactCount });
    }

    // The message above woke a new worker; it picks the sync up again by itself.
    await expect
      .poll(async () => sendFromExtensionPage<Status>(options, 'getCacheStatus', {}), { timeout: 180_000, interval: 1000 })
      .toMatchObject({ sourceName: 'Feed: feeds.brightwave.example', contactCount: CONTACTS });
    const view = await sendFromExtensionPage<View>(options, 'getSettings', {});
    expect(view.feed).toMatchObject({ lastSyncAt: expect.any(String) });
    expect(view.feed?.syncing).toBeUndefined();
    expect(view.feed?.lastError).toBeUndefined();
    // A cut read is fetched again; a cut swap finishes from what was staged.
    expect(fetches).toBe(cutIn === 'staging' ? 2 : 1);
    const ctx = await sendFromExtensionPage<{ timeline: unknown[] } | null>(options, 'getContactContext', { email: feedEmail(9_999) });
    expect(ctx?.timeline).toHaveLength(TOUCHES);
  });
});
