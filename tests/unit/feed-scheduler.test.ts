import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEED_ALARM, scheduleFeed } from '@/lib/background/feed-scheduler';
import { LeadlightDb } from '@/lib/db/database';
import { saveSettings } from '@/lib/settings/settings';

const NOW = Date.parse('2026-11-20T10:00:00.000Z');
let db: LeadlightDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LeadlightDb(`feed-alarm-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the feed alarm when the background starts', () => {
  // Firefox forgets alarms when the browser closes; Chrome may after a restart or an update.
  it('is set again for a configured feed whose alarm the browser dropped, due once the interval from the last sync runs out', async () => {
    await saveSettings(db, { source: 'feed', feed: { url: 'https://marketing.brightwave.example/feed.json', intervalMinutes: 60 } });
    await db.meta.put({ key: 'sync:feed', lastSyncAt: new Date(NOW - 20 * 60_000).toISOString() });
    scheduleFeed(db, () => NOW);
    await settle();
    const alarm = await browser.alarms.get(FEED_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 39 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 41 * 60_000);
  });

  it('is due at once when the last sync is older than the interval, and not set without a feed', async () => {
    await saveSettings(db, { source: 'feed', feed: { url: 'https://marketing.brightwave.example/feed.json', intervalMinutes: 60 } });
    await db.meta.put({ key: 'sync:feed', lastSyncAt: new Date(NOW - 5 * 3_600_000).toISOString() });
    scheduleFeed(db, () => NOW);
    await settle();
    expect((await browser.alarms.get(FEED_ALARM))?.scheduledTime).toBeLessThanOrEqual(Date.now() + 31_000);

    fakeBrowser.reset();
    await saveSettings(db, { source: 'demo' });
    scheduleFeed(db, () => NOW);
    await settle();
    expect(await browser.alarms.get(FEED_ALARM)).toBeUndefined();
  });
});
