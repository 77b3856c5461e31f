import { getCachedContexts, lastRefreshError } from '../../cache/contact-cache';
import { getContactContext, searchContacts } from '../../db/contact-repository';
import { loadSettings } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './deps';

/** Contact lookups for the sidebar and popup, through the stale-while-revalidate cache. */
export function contactHandlers(deps: HandlerDeps): Pick<Handlers, 'getContactContexts' | 'getContactContext' | 'searchContacts'> {
  const { db, now = () => new Date() } = deps;
  return {
    getContactContexts: async ({ emails }, sender) => {
      const settings = await loadSettings(db);
      const connector = await deps.liveConnector?.();
      const tabId = sender.tab?.id;
      const rows = await getCachedContexts([...new Set(emails)], {
        db,
        connector,
        now,
        ttlMs: settings.cacheTtlMinutes * 60_000,
        maxContacts: settings.cacheMaxContacts,
        onUpdated: (email) => tabId !== undefined && deps.notifyUpdated?.(tabId, email),
      });
      // A cached view whose last refresh failed says so, instead of going blank.
      return Promise.all(
        rows.map(async (r) => (r.context && !r.error && connector ? { ...r, error: await lastRefreshError(db, r.email) } : r)),
      );
    },
    getContactContext: ({ email }) => getContactContext(db, email),
    searchContacts: ({ query }) => searchContacts(db, query),
  };
}
