import type { LeadlightDb, MetaRow } from '../../db/database';
import { applyStaging, clearStaging, stageBatch } from '../../db/feed-staging';
import { asConnectorError } from '../errors';
import type { HttpPolicy } from '../http';
import { fetchFeed } from './fetch-feed';
import { politely } from './pacing';
import { feedUrlProblem } from './feed-url';
import { FEED_LIMITS, readFeed, type FeedLimits } from './read-feed';

export type FeedSyncResult = { status: 'unchanged' | 'updated' | 'failed'; rows?: number; rowErrors?: number; error?: string };

const KEY = 'sync:feed';
type Pending = NonNullable<MetaRow['pending']>;

// One sync per database at a time: the alarm, "Sync now" and a settings change share it.
const running = new WeakMap<LeadlightDb, { url: string | undefined; run: Promise<FeedSyncResult> }>();

/**
 * One feed sync: conditional fetch, then the body is parsed as it streams in and
 * each validated batch goes to a staging area; only once the whole feed has been
 * read is it swapped in, in small transactions (see applyStaging). A failed or
 * refused feed leaves the cache as it was. The validators are stored only after
 * the swap, so a sync cut short always fetches the feed in full next time.
 */
export function syncFeed(
  db: LeadlightDb,
  url: string,
  now = new Date(),
  policy?: HttpPolicy,
  limits?: FeedLimits,
): Promise<FeedSyncResult> {
  const current = running.get(db);
  if (current?.url === url) return current.run;
  // Another URL's sync is under way (the feed was just changed): this one follows it rather
  // than passing that feed's result off as its own.
  const start = () => runSync(db, url, now, policy, limits);
  const run: Promise<FeedSyncResult> = (current ? current.run.catch(() => undefined).then(start) : start()).finally(() => {
    if (running.get(db)?.run === run) running.delete(db);
  });
  running.set(db, { url, run });
  return run;
}

async function runSync(
  db: LeadlightDb,
  url: string,
  now: Date,
  policy?: HttpPolicy,
  limits: FeedLimits = FEED_LIMITS,
): Promise<FeedSyncResult> {
  let state: MetaRow = (await db.meta.get(KEY)) ?? { key: KEY };
  // A swap cut off by a stopped worker finishes first: what it staged was complete.
  if (state.phase === 'applying' && state.pending) {
    await finishSwap(db, state.name, state.pending, now);
    state = (await db.meta.get(KEY)) ?? { key: KEY };
  }
  // A read cut off by a stopped worker left a partial staging area: it is worthless.
  if (state.phase === 'staging') await clearStaging(db);
  const { phase: _p, pending: _pending, ...settled } = state;
  let swapping: Pending | undefined;
  try {
    // The options page checks too; this is the check that cannot be bypassed.
    const problem = feedUrlProblem(url);
    if (problem) throw new Error(problem);
    // Validators vouch for this URL's data as this feed loaded it: a changed URL, or data replaced
    // since (another source, an import, the demo), must be fetched in full, or a 304 would leave it empty.
    const source = await db.meta.get('source');
    const ours = state.name === url && !!state.loadedAt && source?.loadedAt === state.loadedAt;
    const response = await fetchFeed(url, ours ? { etag: state.etag, lastModified: state.lastModified } : {}, policy, limits);
    if (response.status === 'unchanged') {
      await db.meta.put({ ...settled, lastSyncAt: now.toISOString(), lastError: undefined });
      return { status: 'unchanged' };
    }
    await db.meta.put({ ...settled, phase: 'staging' });
    await clearStaging(db);
    const read = await readFeed(response.body, (batch) => politely(() => stageBatch(db, batch)), limits);
    const first = read.errors[0];
    const pending: Pending = {
      ...response.validators,
      sourceName: `Feed: ${new URL(url).host}`,
      rows: read.rows - read.errorCount,
      rowErrors: first ? `${read.errorCount} rows skipped, first: ${first.section}[${first.index}] ${first.reason}` : undefined,
      personas: read.personas,
    };
    await db.meta.put({ ...settled, name: url, phase: 'applying', pending });
    swapping = pending;
    const result = await finishSwap(db, url, pending, now);
    return { ...result, rowErrors: read.errorCount };
  } catch (e) {
    const error = asConnectorError(e);
    const at = now.toISOString();
    // A swap that failed part-way (a full disk) keeps its complete staging area, so
    // the next sync finishes it rather than leaving old and new data mixed.
    if (swapping)
      await db.meta.put({ ...settled, name: url, phase: 'applying', pending: swapping, lastSyncAt: at, lastError: error.message });
    else {
      await clearStaging(db).catch(() => undefined);
      await db.meta.put({ ...settled, lastSyncAt: at, lastError: error.message });
    }
    return { status: 'failed', error: error.message };
  }
}

async function finishSwap(db: LeadlightDb, url: string | undefined, pending: Pending, now: Date): Promise<FeedSyncResult> {
  const counts = await applyStaging(db, { sourceName: pending.sourceName, now, pace: politely });
  await db.meta.put({
    key: KEY,
    name: url,
    etag: pending.etag,
    lastModified: pending.lastModified,
    // The same instant as the source line applyStaging wrote: while they match, the cache is this feed's.
    loadedAt: now.toISOString(),
    lastSyncAt: now.toISOString(),
    lastError: pending.rowErrors,
  });
  return { status: 'updated', rows: counts.contacts + counts.campaigns + counts.touches };
}

/**
 * Run when the background starts. A worker stopped while swapping a feed in left
 * a complete staging area: the swap is finished now. One stopped while reading
 * the feed left a partial one: it is dropped and `restart` tells the caller to
 * fetch again. Either way the cache was never half-replaced by a partial feed.
 */
export async function resumeFeedSync(db: LeadlightDb, now = new Date()): Promise<'idle' | 'finished' | 'restart'> {
  if (running.has(db)) return 'idle';
  const state = await db.meta.get(KEY);
  if (state?.phase === 'applying' && state.pending) {
    const run: Promise<FeedSyncResult> = finishSwap(db, state.name, state.pending, now).finally(() => {
      // A sync queued behind this one (a new URL saved meanwhile) holds the slot now: it stays.
      if (running.get(db)?.run === run) running.delete(db);
    });
    running.set(db, { url: state.name, run });
    await run;
    return 'finished';
  }
  if (state?.phase === 'staging') {
    await clearStaging(db);
    const { phase: _p, pending: _pending, ...settled } = state;
    await db.meta.put(settled);
    return 'restart';
  }
  return 'idle';
}
