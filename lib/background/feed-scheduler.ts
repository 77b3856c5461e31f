import { browser } from 'wxt/browser';
import { resumeFeedSync, syncFeed, type FeedSyncResult } from '../connectors/feed/sync-feed';
import type { LeadlightDb } from '../db/database';
import { loadSettings } from '../settings/settings';

export const FEED_ALARM = 'leadlight-feed';

/**
 * Syncs the configured feed now and keeps it scheduled at the configured interval.
 * The alarm is set first, so a worker stopped during a long sync still comes back.
 */
export async function syncFeedAndReschedule(db: LeadlightDb): Promise<FeedSyncResult> {
  const settings = await loadSettings(db);
  if (settings.source !== 'feed' || !settings.feed) {
    await browser.alarms.clear(FEED_ALARM);
    return { status: 'failed', error: 'No feed URL is configured.' };
  }
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: settings.feed.intervalMinutes });
  return syncFeed(db, settings.feed.url);
}

/**
 * Fetches the feed on its alarm, across service-worker restarts, and on start
 * picks up a sync the previous worker was stopped in the middle of: a finished
 * read is swapped in, a partial one is fetched again.
 */
export function scheduleFeed(db: LeadlightDb, onUpdated: () => void = () => undefined, now = () => Date.now()): void {
  const sync = () => syncFeedAndReschedule(db).then((result) => (result.status === 'updated' ? onUpdated() : undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void sync();
  });
  void keepFeedAlarm(db, now()).catch((error: unknown) => console.error('Leadlight could not schedule the feed', error));
  void resumeFeedSync(db)
    .then((outcome) => (outcome === 'restart' ? sync() : outcome === 'finished' ? onUpdated() : undefined))
    .catch((error: unknown) => console.error('Leadlight could not resume the feed sync', error));
}

/**
 * Firefox forgets alarms when the browser closes, and Chrome may after a restart or an
 * update: a configured feed whose alarm is gone is scheduled again (see setFeedAlarm).
 */
async function keepFeedAlarm(db: LeadlightDb, now: number): Promise<void> {
  if (await browser.alarms.get(FEED_ALARM)) return;
  await setFeedAlarm(db, now);
}

/**
 * Sets the feed's alarm at the configured interval, due at once when the last sync is
 * older than the interval, else when the interval from it runs out. Called when the
 * interval is changed: an existing alarm keeps its old period until replaced.
 */
export async function setFeedAlarm(db: LeadlightDb, now = Date.now()): Promise<void> {
  const { source, feed } = await loadSettings(db);
  if (source !== 'feed' || !feed) return;
  const last = Date.parse((await db.meta.get('sync:feed'))?.lastSyncAt ?? '');
  const since = Number.isNaN(last) ? Infinity : (now - last) / 60_000;
  // Chrome fires an alarm no sooner than 30 s after it is set.
  await browser.alarms.create(FEED_ALARM, {
    delayInMinutes: Math.max(0.5, feed.intervalMinutes - since),
    periodInMinutes: feed.intervalMinutes,
  });
}
