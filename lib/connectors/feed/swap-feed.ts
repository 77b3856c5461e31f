import type { LeadlightDb, MetaRow } from '../../db/database';
import { applyStaging, clearStaging, SwapStopped } from '../../db/feed-staging';
import { loadSettings } from '../../settings/settings';
import { asConnectorError } from '../errors';
import { basisProblem, type FeedBasis } from './feed-basis';
import { politely } from './pacing';

export { SwapStopped };

export type FeedSyncResult = { status: 'unchanged' | 'updated' | 'failed'; rows?: number; rowErrors?: number; error?: string };

export const KEY = 'sync:feed';
export type Pending = NonNullable<MetaRow['pending']>;

/**
 * The feed's sync row. `rowErrors` is the skipped-rows report of the data in place:
 * `lastError` shows a failed sync's reason instead, and takes the report back once the
 * feed answers again (a 304 means that data is still the feed's).
 */
export type FeedSyncRow = MetaRow & { rowErrors?: string };

/**
 * Writes the sync row while the settings still name this feed. A rep who chose other
 * data, or deleted everything, must not find this feed's address written back.
 */
export async function recordSync(db: LeadlightDb, url: string | undefined, row: FeedSyncRow): Promise<void> {
  await db.transaction('rw', [db.meta, db.settings], async () => {
    const settings = await loadSettings(db);
    if (settings.source === 'feed' && settings.feed?.url === url) await db.meta.put(row);
  });
}

/**
 * A sync the rep moved on from: its staging area goes, and its row (if everything was not
 * deleted meanwhile) says why and forgets its validators, so the next sync fetches in full.
 */
export async function dropSwap(db: LeadlightDb, reason: string, at: string): Promise<FeedSyncResult> {
  await clearStaging(db);
  await db.meta.update(KEY, {
    phase: undefined,
    pending: undefined,
    etag: undefined,
    lastModified: undefined,
    lastSyncAt: at,
    lastError: reason,
  });
  return { status: 'failed', error: reason };
}

/**
 * Swaps a complete staging area in while `basis` still holds, recording the sync in the
 * same transaction as the source line. A swap the rep moved on from is dropped; one that
 * failed (a full disk) keeps its staging area and `pending` for the next sync to finish,
 * but no longer says it is running: its row shows why it failed.
 */
export async function completeSwap(
  db: LeadlightDb,
  swap: FeedSyncRow & { pending: Pending },
  basis: FeedBasis,
  now: Date,
): Promise<FeedSyncResult> {
  const at = now.toISOString();
  const { pending } = swap;
  const record: FeedSyncRow = {
    key: KEY,
    name: swap.name,
    etag: pending.etag,
    lastModified: pending.lastModified,
    // The same instant as the source line applyStaging writes: while they match, the cache is this feed's.
    loadedAt: at,
    lastSyncAt: at,
    lastError: pending.rowErrors,
    rowErrors: pending.rowErrors,
  };
  try {
    const counts = await applyStaging(db, {
      sourceName: pending.sourceName,
      now,
      pace: politely,
      stillWanted: () => basisProblem(db, basis),
      record,
    });
    return { status: 'updated', rows: counts.contacts + counts.campaigns + counts.touches };
  } catch (e) {
    if (e instanceof SwapStopped) return dropSwap(db, e.message, at);
    const error = asConnectorError(e);
    const message = `The new feed data could not be put in place: ${error.message} The next sync tries again.`;
    await db.meta.update(KEY, { phase: undefined, pending, name: swap.name, lastSyncAt: at, lastError: message }).catch(() => undefined);
    return { status: 'failed', error: message };
  }
}
