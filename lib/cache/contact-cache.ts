import type { Connector, ContactBundle } from '../connectors/connector';
import { asConnectorError } from '../connectors/errors';
import { getContactContext } from '../db/contact-repository';
import { contactRow } from '../db/contact-rows';
import type { LeadlightDb } from '../db/database';
import type { ContactContext } from '../domain/contact-context';

export type CachedContext = { email: string; context: ContactContext | null; refreshing?: boolean; error?: string };

export type CacheDeps = {
  db: LeadlightDb;
  /** The live CRM, when one is the source; bulk sources answer from the cache alone. */
  connector?: Connector;
  ttlMs: number;
  maxContacts: number;
  now?: () => Date;
  /** Called when a background refresh changed what a contact's sidebar should show. */
  onUpdated?: (email: string) => void;
};

const inFlight = new Map<string, Promise<void>>();

/**
 * Stale-while-revalidate: cached contexts come back at once; a stale or missing
 * contact is fetched from the live CRM. Misses wait for that fetch (there is
 * nothing to show yet); stale hits refresh in the background and report through
 * `onUpdated`. A failed refresh keeps the cached view and says why.
 */
export async function getCachedContexts(emails: string[], deps: CacheDeps): Promise<CachedContext[]> {
  const { db, connector, ttlMs, now = () => new Date() } = deps;
  const rows = await db.contacts.bulkGet(emails);
  // Only a live CRM's cache is evicted by recency; bulk sources skip this write on every lookup.
  if (connector) {
    const viewedAt = now().toISOString();
    await db.contacts.bulkUpdate(rows.filter((r) => !!r).map((r) => ({ key: r.email, changes: { viewedAt } })));
  }
  return Promise.all(
    emails.map(async (email, i): Promise<CachedContext> => {
      const row = rows[i];
      const stale = !row?.fetchedAt || now().getTime() - Date.parse(row.fetchedAt) > ttlMs;
      if (!connector?.fetchContact || !stale) return { email, context: await getContactContext(db, email) };
      if (!row) {
        try {
          await refresh(email, deps);
          return { email, context: await getContactContext(db, email) };
        } catch (e) {
          return { email, context: null, error: asConnectorError(e).message };
        }
      }
      void refresh(email, deps).then(
        () => deps.onUpdated?.(email),
        () => deps.onUpdated?.(email),
      );
      return { email, context: await getContactContext(db, email), refreshing: true };
    }),
  );
}

/** One fetch per contact at a time, however many sidebars ask. Failures are recorded on the meta row. */
function refresh(email: string, deps: CacheDeps): Promise<void> {
  let pending = inFlight.get(email);
  if (!pending) {
    pending = (async () => {
      try {
        const bundle = await deps.connector!.fetchContact!(email);
        await storeBundle(deps, email, bundle);
        await deps.db.meta.delete(`refresh-error:${email}`);
      } catch (e) {
        await deps.db.meta.put({
          key: `refresh-error:${email}`,
          lastError: asConnectorError(e).message,
          lastSyncAt: (deps.now ?? (() => new Date()))().toISOString(),
        });
        throw e;
      }
    })().finally(() => inFlight.delete(email));
    inFlight.set(email, pending);
  }
  return pending;
}

/** The last refresh failure for a contact, shown beside the cached data. */
export async function lastRefreshError(db: LeadlightDb, email: string): Promise<string | undefined> {
  return (await db.meta.get(`refresh-error:${email}`))?.lastError;
}

async function storeBundle(
  { db, now = () => new Date(), maxContacts }: CacheDeps,
  email: string,
  bundle: ContactBundle | null,
): Promise<void> {
  const fetchedAt = now().toISOString();
  await withQuotaRetry(db, maxContacts, () =>
    db.transaction('rw', [db.contacts, db.campaigns], async () => {
      if (!bundle) {
        await db.contacts.delete(email);
        return;
      }
      // The CRM's answer replaces this contact's touches wholesale: removed memberships disappear.
      await db.contacts.put(contactRow(bundle.contact, bundle.touches, { fetchedAt, viewedAt: fetchedAt }));
      await db.campaigns.bulkPut(bundle.campaigns);
    }),
  );
  await evictLeastRecentlyViewed(db, maxContacts);
}

/** Keeps the cache under its cap by dropping the contacts viewed longest ago (feedback is kept). */
export async function evictLeastRecentlyViewed(db: LeadlightDb, maxContacts: number): Promise<number> {
  const excess = (await db.contacts.count()) - maxContacts;
  if (excess <= 0) return 0;
  const victims = await db.contacts.orderBy('viewedAt').limit(excess).primaryKeys();
  // Touches live in the contact's row and go with it.
  await db.contacts.bulkDelete(victims);
  return victims.length;
}

/** On a full disk, make room (a fifth of the cap) and try once more; then give the user the reason. */
async function withQuotaRetry(db: LeadlightDb, maxContacts: number, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!(e instanceof Error) || !/Quota/i.test(e.name + e.message)) throw e;
    await evictLeastRecentlyViewed(db, Math.floor((await db.contacts.count()) * 0.8));
    try {
      await write();
    } catch {
      throw new Error(`Browser storage is full; cleared older cached contacts but still could not save (max ${maxContacts}).`);
    }
  }
}
