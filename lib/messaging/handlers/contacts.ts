import { getCachedContexts } from '../../cache/contact-cache';
import { getContactContext, searchContacts } from '../../db/contact-repository';
import { loadSettings } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './deps';

/** Contact lookups for the sidebar and popup, through the stale-while-revalidate cache. */
export function contactHandlers(deps: HandlerDeps): Pick<Handlers, 'getContactContexts' | 'getContactContext' | 'searchContacts'> {
  const { db, now = () => new Date(), random } = deps;
  return {
    getContactContexts: async ({ emails }, sender) => {
      const settings = await loadSettings(db);
      const connector = await deps.liveConnector?.();
      const tabId = sender.tab?.id;
      // A failed refresh is never announced as an update: that announcement made the sidebar ask again, and each ask refreshed.
      return getCachedContexts([...new Set(emails)], {
        db,
        connector,
        now,
        ...(random ? { random } : {}),
        ttlMs: settings.cacheTtlMinutes * 60_000,
        maxContacts: settings.cacheMaxContacts,
        onUpdated: (email) => {
          if (tabId !== undefined) deps.notifyUpdated?.(tabId, email);
          // The CRM may have logged the first touch, or handed the lead off: the overdue count follows.
          deps.slaChanged?.();
        },
        onRefreshFailed: (email) => tabId !== undefined && deps.notifyRefreshFailed?.(tabId, email),
      });
    },
    getContactContext: ({ email }) => getContactContext(db, email),
    searchContacts: ({ query }) => searchContacts(db, query),
  };
}
