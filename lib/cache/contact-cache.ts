import type { Connector, ContactBundle } from '../connectors/connector';
import { asConnectorError } from '../connectors/errors';
import { recordFieldIssues } from '../connectors/field-issues';
import { getContactContext, getContactContexts } from '../db/contact-repository';
import { contactRow } from '../db/contact-rows';
import type { LeadlightDb, MetaRow } from '../db/database';
import type { ContactContext } from '../domain/contact-context';

export type CachedContext = { email: string; context: ContactContext | null; refreshing?: boolean; error?: string };

export type CacheDeps = {
  db: LeadlightDb;
  /** The live CRM, when one is the source; bulk sources answer from the cache alone. */
  connector?: Connector;
  ttlMs: number;
  maxContacts: number;
  now?: () => Date;
  random?: () => number;
  /** A background refresh stored new data for this contact: its sidebar should re-read it. Never sent for a failure. */
  onUpdated?: (email: string) => void;
  /**
   * A background refresh failed: the saved view stands, now with the reason. A re-read
   * is safe, because the contact's backoff keeps it from asking the CRM again.
   */
  onRefreshFailed?: (email: string) => void;
};

/**
 * After a contact's refresh fails it waits 1 min, then 2, 4… up to 30 min (jittered
 * within the upper half) before the CRM is asked about it again, however often the
 * sidebar asks. A success clears it.
 */
export const REFRESH_BACKOFF = { baseMs: 60_000, maxMs: 30 * 60_000 } as const;

export function refreshDelay(failures: number, random: () => number): number {
  const cap = Math.min(REFRESH_BACKOFF.maxMs, REFRESH_BACKOFF.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

type RefreshFailure = MetaRow & { failures?: number; retryAt?: string };
const failureKey = (email: string) => `refresh-error:${email}`;

const inFlight = new WeakMap<LeadlightDb, Map<string, Promise<void>>>();

/**
 * Stale-while-revalidate: cached contexts come back at once; a stale or missing
 * contact is fetched from the live CRM. Misses wait for that fetch (there is
 * nothing to show yet); stale hits refresh in the background and report through
 * `onUpdated` or `onRefreshFailed`. Nothing is fetched while the connection is
 * paused (see ../connectors/health.ts) or the contact is backing off: the cached
 * view, or the reason, comes back instead.
 */
export async function getCachedContexts(emails: string[], deps: CacheDeps): Promise<CachedContext[]> {
  const { db, connector, ttlMs, now = () => new Date() } = deps;
  // A bulk source has nothing to refresh: one read answers every contact asked.
  if (!connector?.fetchContact) {
    const contexts = await getContactContexts(db, emails);
    return emails.map((email, i) => ({ email, context: contexts[i] ?? null }));
  }
  const rows = await db.contacts.bulkGet(emails);
  // Only a live CRM's cache is evicted by recency; bulk sources skip this write on every lookup.
  const viewedAt = now().toISOString();
  await db.contacts.bulkUpdate(rows.filter((r) => !!r).map((r) => ({ key: r.email, changes: { viewedAt } })));
  return Promise.all(
    emails.map(async (email, i): Promise<CachedContext> => {
      const row = rows[i];
      const stale = !row?.fetchedAt || now().getTime() - Date.parse(row.fetchedAt) > ttlMs;
      if (!stale) return { email, context: await getContactContext(db, email) };
      const held = await holdReason(email, deps);
      if (held) return { email, context: row ? await getContactContext(db, email) : null, error: held };
      if (!row) {
        try {
          await refresh(email, deps);
          return { email, context: await getContactContext(db, email) };
        } catch (e) {
          return { email, context: null, error: asConnectorError(e).message };
        }
      }
      // Either way the sidebar re-reads: a failure (sent or refused by the connection's own wait)
      // then comes back as the reason, with no new call, since the backoff or the pause holds it.
      void refresh(email, deps).then(
        () => deps.onUpdated?.(email),
        () => deps.onRefreshFailed?.(email),
      );
      return { email, context: await getContactContext(db, email), refreshing: true };
    }),
  );
}

/** Why this contact must not be fetched now: the connection is paused, or its last refresh failed recently. */
async function holdReason(email: string, { db, connector, now = () => new Date() }: CacheDeps): Promise<string | undefined> {
  const refused = await connector?.gate?.check();
  if (refused) return refused.message;
  const failure: RefreshFailure | undefined = await db.meta.get(failureKey(email));
  if (failure?.retryAt && Date.parse(failure.retryAt) > now().getTime()) return failure.lastError;
  return undefined;
}

/** One fetch per contact at a time, however many sidebars ask. Failures are recorded, with the contact's backoff. */
function refresh(email: string, deps: CacheDeps): Promise<void> {
  let running = inFlight.get(deps.db);
  if (!running) inFlight.set(deps.db, (running = new Map<string, Promise<void>>()));
  const pending =
    running.get(email) ??
    (async () => {
      const { db, now = () => new Date(), random = Math.random } = deps;
      try {
        const bundle = await deps.connector!.fetchContact!(email);
        await storeBundle(deps, email, bundle);
        await db.meta.delete(failureKey(email));
      } catch (e) {
        const error = asConnectorError(e);
        // Refused without a call: the connection's own wait applies, not the contact's.
        if (!error.unsent) {
          const previous: RefreshFailure | undefined = await db.meta.get(failureKey(email));
          const failures = (previous?.failures ?? 0) + 1;
          const at = now();
          const row: RefreshFailure = {
            key: failureKey(email),
            lastError: error.message,
            lastSyncAt: at.toISOString(),
            failures,
            retryAt: new Date(at.getTime() + refreshDelay(failures, random)).toISOString(),
          };
          await db.meta.put(row);
        }
        throw e;
      }
    })().finally(() => running.delete(email));
  running.set(email, pending);
  return pending;
}

/** Forgets every contact's refresh failure: after a reconnection the old reasons no longer hold. */
export async function clearRefreshFailures(db: LeadlightDb): Promise<void> {
  await db.meta.where('key').startsWith('refresh-error:').delete();
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
  // What the CRM sent but Leadlight could not read goes to the options page's diagnostics.
  await recordFieldIssues(db, bundle?.issues ?? [], now());
  await evictLeastRecentlyViewed(db, maxContacts);
}

/**
 * Keeps the live CRM's cache under its cap by dropping the contacts viewed longest ago
 * (feedback is kept). The cache is the rows in the recency index: rows an import or feed
 * added beside the CRM, never viewed since, are the team's data, so they neither count
 * nor go. Counting them while picking victims only among viewed rows deleted the contact
 * just fetched, and never got under the cap.
 */
export async function evictLeastRecentlyViewed(db: LeadlightDb, maxContacts: number): Promise<number> {
  const excess = (await cachedCount(db)) - maxContacts;
  if (excess <= 0) return 0;
  const victims = await db.contacts.orderBy('viewedAt').limit(excess).primaryKeys();
  // Touches live in the contact's row and go with it.
  await db.contacts.bulkDelete(victims);
  return victims.length;
}

const cachedCount = (db: LeadlightDb) => db.contacts.orderBy('viewedAt').count();

/** On a full disk, make room (a fifth of the cap) and try once more; then give the user the reason. */
async function withQuotaRetry(db: LeadlightDb, maxContacts: number, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!(e instanceof Error) || !/Quota/i.test(e.name + e.message)) throw e;
    await evictLeastRecentlyViewed(db, Math.floor((await cachedCount(db)) * 0.8));
    try {
      await write();
    } catch {
      throw new Error(`Browser storage is full; cleared older cached contacts but still could not save (max ${maxContacts}).`);
    }
  }
}
