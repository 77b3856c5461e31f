import type { LeadlightDb, MetaRow } from '../../db/database';
import { loadSettings } from '../../settings/settings';

// import-repository.ts's marker: a replacing import is under way, begun at its `loadedAt`.
const IMPORTING = 'import:replacing';

/**
 * Past this a replacing import's marker was left by one the browser closed on, not one
 * still running: 100,000 rows import in about a minute, and a stale marker must not hold
 * off the feed for good.
 */
const IMPORT_ABANDONED_MS = 60 * 60_000;

/** What a feed sync started from: the feed's URL and the cache's source line as it was then. */
export type FeedBasis = { url: string | undefined; source: Pick<MetaRow, 'name' | 'loadedAt'> | undefined };

/** Notes what the cache holds now, for a sync of `url` about to start. */
export async function feedBasis(db: LeadlightDb, url: string | undefined): Promise<FeedBasis> {
  const source = await db.meta.get('source');
  return { url, source: source && { name: source.name, loadedAt: source.loadedAt } };
}

/**
 * Why a sync's feed data must no longer go in, or undefined while it may: the rep chose
 * other data or another feed, other data replaced the cache (the demo reloaded, an import
 * finished, everything deleted), or an import replacing the data is under way. Run inside
 * each write transaction (over `meta` and `settings`) so nothing slips in between.
 */
export async function basisProblem(db: LeadlightDb, basis: FeedBasis, now = Date.now()): Promise<string | undefined> {
  const [settings, source, importing] = await Promise.all([loadSettings(db), db.meta.get('source'), db.meta.get(IMPORTING)]);
  if (settings.source !== 'feed' || !basis.url || settings.feed?.url !== basis.url)
    return 'The feed sync stopped because the data source was changed while it ran. The data now in use was kept.';
  const began = Date.parse(importing?.loadedAt ?? '');
  if (now - began < IMPORT_ABANDONED_MS)
    return 'The feed sync stopped because an import is replacing the data. The next sync fetches the feed again.';
  if (source?.name !== basis.source?.name || source?.loadedAt !== basis.source?.loadedAt)
    return `The feed sync stopped because other data (${source?.name ?? 'none'}) was loaded while it ran. That data was kept.`;
  return undefined;
}
