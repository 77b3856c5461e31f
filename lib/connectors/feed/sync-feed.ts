import type { LeadlightDb } from '../../db/database';
import { replaceDataset } from '../../db/seed';
import { asConnectorError } from '../errors';
import type { HttpPolicy } from '../http';
import { fetchFeed } from './fetch-feed';

export type FeedSyncResult = { status: 'unchanged' | 'updated' | 'failed'; rows?: number; rowErrors?: number; error?: string };

/**
 * One scheduled feed sync: conditional fetch, row-by-row validation, then an
 * atomic swap of the cached data. A failed sync keeps the cache as it was.
 */
export async function syncFeed(db: LeadlightDb, url: string, now = new Date(), policy?: HttpPolicy): Promise<FeedSyncResult> {
  const key = 'sync:feed';
  const state = (await db.meta.get(key)) ?? { key };
  // Validators belong to one URL; a changed URL must fetch in full.
  const sameUrl = state.name === url;
  try {
    const result = await fetchFeed(url, sameUrl ? { etag: state.etag, lastModified: state.lastModified } : {}, policy);
    if (result.status === 'unchanged') {
      await db.meta.put({ ...state, lastSyncAt: now.toISOString(), lastError: undefined });
      return { status: 'unchanged' };
    }
    const { feed, errors, validators } = result;
    // A feed that carries personas is the team's source of truth for them.
    await replaceDataset(
      db,
      { contacts: feed.contacts, campaigns: feed.campaigns, touches: feed.touches, personas: feed.personas ?? [] },
      `Feed: ${new URL(url).host}`,
      now,
      !!feed.personas?.length,
    );
    const rowErrors = errors.length
      ? `${errors.length} rows skipped, first: ${errors[0]!.section}[${errors[0]!.index}] ${errors[0]!.reason}`
      : undefined;
    await db.meta.put({ key, name: url, ...validators, lastSyncAt: now.toISOString(), lastError: rowErrors });
    return { status: 'updated', rows: feed.contacts.length + feed.touches.length + feed.campaigns.length, rowErrors: errors.length };
  } catch (e) {
    const error = asConnectorError(e);
    await db.meta.put({ ...state, lastSyncAt: now.toISOString(), lastError: error.message });
    return { status: 'failed', error: error.message };
  }
}
