import type { LeadlightDb } from '../../db/database';
import { clearStaging, stageBatch } from '../../db/feed-staging';
import { asConnectorError } from '../errors';
import type { HttpPolicy } from '../http';
import { basisProblem, feedBasis } from './feed-basis';
import { fetchFeed } from './fetch-feed';
import { politely } from './pacing';
import { feedUrlProblem } from './feed-url';
import { FEED_LIMITS, readFeed, type FeedLimits, type FeedReadResult } from './read-feed';
import { completeSwap, dropSwap, KEY, recordSync, SwapStopped, type FeedSyncResult, type FeedSyncRow, type Pending } from './swap-feed';

export type { FeedSyncResult } from './swap-feed';

/** The sync under way: a sync of another URL queues behind `run`; one of `url` joins it and gets `result`. */
type Slot = { url?: string; run: Promise<unknown>; result?: Promise<FeedSyncResult> };
// One sync per database at a time: the alarm, "Sync now", a settings change and the worker's start share it.
const running = new WeakMap<LeadlightDb, Slot>();

/**
 * One feed sync: conditional fetch, then the body is parsed as it streams in and
 * each validated batch goes to a staging area; only once the whole feed has been
 * read is it swapped in, in small transactions (see applyStaging). A failed or
 * refused feed leaves the cache as it was, and so does one the rep has moved on
 * from: other data chosen, loaded or deleted while it ran is never overwritten. The
 * validators are stored only after the swap, so a sync cut short fetches in full next time.
 */
export function syncFeed(
  db: LeadlightDb,
  url: string,
  now = new Date(),
  policy?: HttpPolicy,
  limits?: FeedLimits,
): Promise<FeedSyncResult> {
  const current = running.get(db);
  if (current?.url === url && current.result) return current.result;
  // Another URL's sync is under way (the feed was just changed): this one follows it rather
  // than passing that feed's result off as its own.
  const start = () => runSync(db, url, now, policy, limits);
  const run: Promise<FeedSyncResult> = (current ? current.run.catch(() => undefined).then(start) : start()).finally(() => {
    if (running.get(db) === slot) running.delete(db);
  });
  const slot: Slot = { url, run, result: run };
  running.set(db, slot);
  return run;
}

/** The feed status's account of rows it could not take whole, or undefined when it took every one. */
function rowReport({ errorCount, partialCount, errors: [first] }: FeedReadResult): string | undefined {
  if (!first) return undefined;
  const counts = [errorCount && `${errorCount} rows skipped`, partialCount && `${partialCount} rows kept without a bad field`];
  return `${counts.filter(Boolean).join(', ')}, first: ${first.section}[${first.index}] ${first.reason}`;
}

const withoutSwap = ({ phase: _phase, pending: _pending, ...rest }: FeedSyncRow): FeedSyncRow => rest;

async function runSync(
  db: LeadlightDb,
  url: string,
  now: Date,
  policy?: HttpPolicy,
  limits: FeedLimits = FEED_LIMITS,
): Promise<FeedSyncResult> {
  const at = now.toISOString();
  let settled: FeedSyncRow = { key: KEY };
  try {
    // The options page checks too; this is the check that cannot be bypassed.
    const problem = feedUrlProblem(url);
    if (problem) throw new Error(problem);
    let state: FeedSyncRow = (await db.meta.get(KEY)) ?? { key: KEY };
    // A swap cut off by a stopped worker, or failed on a full disk, staged a complete feed: it finishes first.
    if (state.pending) {
      const resumed = await completeSwap(db, state as FeedSyncRow & { pending: Pending }, await feedBasis(db, state.name), now);
      state = (await db.meta.get(KEY)) ?? { key: KEY };
      // Still waiting (the disk is still full): a new read would have to mix with it, so this sync ends here.
      if (state.pending) return resumed;
    }
    // A read cut off by a stopped worker left a partial staging area: it is worthless.
    if (state.phase === 'staging') await clearStaging(db);
    settled = withoutSwap(state);
    const basis = await feedBasis(db, url);
    const stopped = await basisProblem(db, basis);
    if (stopped) throw new SwapStopped(stopped);
    // Validators vouch for this URL's data as this feed loaded it: a changed URL, or data replaced
    // since (another source, an import, the demo), must be fetched in full, or a 304 would leave it empty.
    const ours = state.name === url && !!state.loadedAt && basis.source?.loadedAt === state.loadedAt;
    const response = await fetchFeed(url, ours ? { etag: state.etag, lastModified: state.lastModified } : {}, policy, limits);
    if (response.status === 'unchanged') {
      // The data in place is the last load's, so its skipped-rows report still holds.
      await recordSync(db, url, { ...settled, lastSyncAt: at, lastError: settled.rowErrors });
      return { status: 'unchanged' };
    }
    await recordSync(db, url, { ...settled, phase: 'staging' });
    await clearStaging(db);
    const read = await readFeed(
      response.body,
      async (batch) => {
        // Checked as it reads too: a rep who moved on need not wait out the rest of a 30 s read.
        const reason = await basisProblem(db, basis);
        if (reason) throw new SwapStopped(reason);
        await politely(() => stageBatch(db, batch));
      },
      limits,
    );
    const pending: Pending = {
      ...response.validators,
      sourceName: `Feed: ${new URL(url).host}`,
      rows: read.rows - read.errorCount,
      rowErrors: rowReport(read),
      personas: read.personas,
    };
    const swap = { ...settled, name: url, pending };
    await recordSync(db, url, { ...swap, phase: 'applying' });
    const result = await completeSwap(db, swap, basis, now);
    return result.status === 'updated' ? { ...result, rowErrors: read.errorCount } : result;
  } catch (e) {
    if (e instanceof SwapStopped) return dropSwap(db, e.message, at);
    const error = asConnectorError(e);
    await clearStaging(db).catch(() => undefined);
    await recordSync(db, url, { ...settled, lastSyncAt: at, lastError: error.message }).catch(() => undefined);
    return { status: 'failed', error: error.message };
  }
}

/**
 * Run when the background starts. A worker stopped while swapping a feed in left
 * a complete staging area: the swap is finished now, if the feed is still the
 * rep's choice. One stopped while reading the feed left a partial one: it is
 * dropped and `restart` tells the caller to fetch again. Either way the cache was
 * never half-replaced by a partial feed.
 */
export function resumeFeedSync(db: LeadlightDb, now = new Date()): Promise<'idle' | 'finished' | 'restart'> {
  if (running.has(db)) return Promise.resolve('idle');
  // The slot is taken before the stored state is read: a sync asked meanwhile (a new URL saved as the
  // worker woke) queues behind the swap, rather than run beside it and finish the same swap too.
  const slot: Slot = { run: Promise.resolve() };
  const resume = async (): Promise<'idle' | 'finished' | 'restart'> => {
    const state: FeedSyncRow | undefined = await db.meta.get(KEY);
    if (state?.phase === 'applying' && state.pending) {
      const swap = state as FeedSyncRow & { pending: Pending };
      // "Sync now" on the feed being swapped in joins the swap.
      slot.url = state.name;
      slot.result = feedBasis(db, state.name).then((basis) => completeSwap(db, swap, basis, now));
      return (await slot.result).status === 'updated' ? 'finished' : 'idle';
    }
    if (state?.phase === 'staging') {
      await clearStaging(db);
      await db.meta.put(withoutSwap(state));
      return 'restart';
    }
    return 'idle';
  };
  const run = resume().finally(() => {
    if (running.get(db) === slot) running.delete(db);
  });
  slot.run = run;
  running.set(db, slot);
  return run;
}
