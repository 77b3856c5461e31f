import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEED_ALARM, scheduleFeed } from '@/lib/background/feed-scheduler';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers } from '@/lib/messaging/handlers';
import { saveSettings } from '@/lib/settings/settings';
import { createCampaign, createContact } from '../factories';

const NOW = Date.parse('2026-11-20T10:00:00.000Z');
let db: LeadlightDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LeadlightDb(`feed-alarm-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the feed alarm when the background starts', () => {
  // Firefox forgets alarms when the browser closes; Chrome may after a restart or an update.
  it('is set again for a configured feed whose alarm the browser dropped, due once the interval from the last sync runs out', async () => {
    await saveSettings(db, { source: 'feed', feed: { url: 'https://marketing.brightwave.example/feed.json', intervalMinutes: 60 } });
    await db.meta.put({ key: 'sync:feed', lastSyncAt: new Date(NOW - 20 * 60_000).toISOString() });
    scheduleFeed(db, undefined, () => NOW);
    await settle();
    const alarm = await browser.alarms.get(FEED_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 39 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 41 * 60_000);
  });

  it('is due at once when the last sync is older than the interval, and not set without a feed', async () => {
    await saveSettings(db, { source: 'feed', feed: { url: 'https://marketing.brightwave.example/feed.json', intervalMinutes: 60 } });
    await db.meta.put({ key: 'sync:feed', lastSyncAt: new Date(NOW - 5 * 3_600_000).toISOString() });
    scheduleFeed(db, undefined, () => NOW);
    await settle();
    expect((await browser.alarms.get(FEED_ALARM))?.scheduledTime).toBeLessThanOrEqual(Date.now() + 31_000);

    fakeBrowser.reset();
    await saveSettings(db, { source: 'demo' });
    scheduleFeed(db, undefined, () => NOW);
    await settle();
    expect(await browser.alarms.get(FEED_ALARM)).toBeUndefined();
  });
});

describe('a new check interval for the same feed', () => {
  it('takes effect at once: the alarm runs at the new interval, due when it has passed since the last sync', async () => {
    const url = 'https://marketing.brightwave.example/feed.json';
    await saveSettings(db, { source: 'feed', feed: { url, intervalMinutes: 1440 } });
    await browser.alarms.create(FEED_ALARM, { periodInMinutes: 1440 });
    await db.meta.put({ key: 'sync:feed', lastSyncAt: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const syncFeedNow = vi.fn();
    const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }), syncFeedNow });
    await handlers.saveSettings({ source: 'feed', feed: { url, intervalMinutes: 15 } }, { id: browser.runtime.id });
    const alarm = await browser.alarms.get(FEED_ALARM);
    expect(alarm?.periodInMinutes).toBe(15);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 31_000);
    // Nothing is fetched for a new interval: the options page says so.
    expect(syncFeedNow).not.toHaveBeenCalled();
  });
});

describe('a feed sync on its alarm', () => {
  it('has the overdue count recounted when it brought new data, and not when it failed', async () => {
    const feed = {
      version: 1,
      contacts: [createContact({ handoffAt: '2026-11-19T09:00:00.000Z' })],
      campaigns: [createCampaign()],
      touches: [],
    };
    const answers = [Response.json(feed), new Response('down', { status: 404 })];
    const fetched = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetched);
    await saveSettings(db, { source: 'feed', feed: { url: 'https://marketing.brightwave.example/feed.json', intervalMinutes: 60 } });
    const recount = vi.fn();
    scheduleFeed(db, recount, () => NOW);
    await settle();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: NOW, persistAcrossSessions: false });
    await vi.waitFor(() => expect(recount).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: NOW, persistAcrossSessions: false });
    await vi.waitFor(() => expect(fetched).toHaveBeenCalledTimes(2));
    await settle();
    expect(recount).toHaveBeenCalledTimes(1);
  });
});
