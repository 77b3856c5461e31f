import type { CachedContext } from '@/lib/cache/contact-cache';
import type { SidebarApi } from './sidebar-api';

/** When a looked-up contact the background is still refreshing is read again: about 6 s in all. */
export const REREAD_AFTER_MS = [400, 800, 1600, 3200] as const;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The context-menu lookup window's reads. The window belongs to no page load, so the
 * background's word that a contact's refresh is done never reaches it, and a contact
 * answered as "refreshing" would say "Checking for updates…" for good. The saved data
 * shows at once; `reread` is called a few times to read the contact again, and the refresh's
 * result (or its failure's reason) replaces it. A CRM slower than that: the saved data stays,
 * each section dated by its source, without a check that never ends.
 */
export function rereadingWhileRefreshing<Api extends Pick<SidebarApi, 'getContexts'>>(
  api: Api,
  reread: (email: string) => void,
  wait = pause,
): Api {
  const tries = new Map<string, number>();
  const getContexts = async (emails: string[]): Promise<CachedContext[]> =>
    (await api.getContexts(emails)).map((row) => {
      if (!row.refreshing) {
        tries.delete(row.email);
        return row;
      }
      const tried = tries.get(row.email) ?? 0;
      if (tried >= REREAD_AFTER_MS.length) {
        const { refreshing: _checking, ...saved } = row;
        return saved;
      }
      tries.set(row.email, tried + 1);
      void wait(REREAD_AFTER_MS[tried]!).then(() => reread(row.email));
      return row;
    });
  return { ...api, getContexts };
}
