import type { LeadlightDb, MetaRow } from '../../db/database';
import { IMPORT_REPLACING, IMPORT_RUNNING, importUnderWay } from '../../db/import-markers';
import { loadSettings } from '../../settings/settings';

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
 * finished, everything deleted), or an import is under way: one replacing the data, or
 * one adding to it, whose rows the feed's sweep would remove. Run inside each write
 * transaction (over `meta` and `settings`) so nothing slips in between.
 */
export async function basisProblem(db: LeadlightDb, basis: FeedBasis, now = Date.now()): Promise<string | undefined> {
  const [settings, source, replacing, running] = await Promise.all([
    loadSettings(db),
    db.meta.get('source'),
    db.meta.get(IMPORT_REPLACING),
    db.meta.get(IMPORT_RUNNING),
  ]);
  if (settings.source !== 'feed' || !basis.url || settings.feed?.url !== basis.url)
    return 'The feed sync stopped because the data source was changed while it ran. The data now in use was kept.';
  if (importUnderWay(replacing?.loadedAt, now))
    return 'The feed sync stopped because an import is replacing the data. The next sync fetches the feed again.';
  if (importUnderWay(running?.loadedAt, now))
    return 'The feed sync stopped because a file was being imported while it ran. The data now in use was kept; the next sync fetches the feed again.';
  if (source?.name !== basis.source?.name || source?.loadedAt !== basis.source?.loadedAt)
    return `The feed sync stopped because other data (${source?.name ?? 'none'}) was loaded while it ran. That data was kept.`;
  return undefined;
}
