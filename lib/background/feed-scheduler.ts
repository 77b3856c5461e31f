import { browser } from 'wxt/browser';
import { syncFeed, type FeedSyncResult } from '../connectors/feed/sync-feed';
import type { LeadlightDb } from '../db/database';
import { loadSettings } from '../settings/settings';

export const FEED_ALARM = 'leadlight-feed';

/** Syncs the configured feed now and (re)schedules it at the configured interval. */
export async function syncFeedAndReschedule(db: LeadlightDb): Promise<FeedSyncResult> {
  const settings = await loadSettings(db);
  if (settings.source !== 'feed' || !settings.feed) {
    await browser.alarms.clear(FEED_ALARM);
    return { status: 'failed', error: 'No feed URL is configured.' };
  }
  const result = await syncFeed(db, settings.feed.url);
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: settings.feed.intervalMinutes });
  return result;
}

/** Fetches the feed on its alarm, across service-worker restarts. */
export function scheduleFeed(db: LeadlightDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void syncFeedAndReschedule(db);
  });
}
