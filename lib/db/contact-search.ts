import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';
import { ContactIndex, type ContactSummary } from '../search/contact-index';
import type { ContactRow, LeadlightDb } from './database';

/**
 * The background's search index, one per database: built on the first search (or
 * warm-up) from the contacts table, then kept in step with every write to it, so
 * a search never reads IndexedDB. All writes go through the background.
 */
type State = { index?: Promise<ContactIndex> };
const states = new WeakMap<Dexie, State>();

function stateOf(db: Dexie): State {
  let s = states.get(db);
  if (!s) {
    s = {};
    states.set(db, s);
  }
  return s;
}

/**
 * Applies one successful write to the index. A write that lands while the index is
 * being built waits for it, in order, so the index never misses or resurrects a row.
 * Anything it cannot follow (a clear) drops the index.
 */
async function follow(s: State, req: DBCoreMutateRequest): Promise<void> {
  const pending = s.index;
  if (!pending) return;
  if (!((req.type === 'put' || req.type === 'add') && req.values) && req.type !== 'delete') {
    s.index = undefined;
    return;
  }
  const index = await pending.catch(() => undefined);
  if (!index || s.index !== pending) return;
  if ((req.type === 'put' || req.type === 'add') && req.values) {
    for (const row of req.values as ContactRow[]) index.upsert(row);
  } else if (req.type === 'delete') {
    for (const key of req.keys as string[]) index.remove(key);
  }
}

/**
 * Applies a write to the index once its transaction commits. Following it as soon as
 * the request succeeded showed rows a transaction then rolled back (a full disk is
 * reported at commit; a batch may throw after its puts). Where the transaction cannot
 * be watched, the write is followed at once, as before.
 */
function followOnCommit(s: State, req: DBCoreMutateRequest): void {
  const tx = req.trans as Partial<Pick<IDBTransaction, 'addEventListener'>> | null;
  if (!tx || typeof tx.addEventListener !== 'function') return void follow(s, req);
  tx.addEventListener('complete', () => void follow(s, req));
}

/** Installs the write follower; call once right after constructing the database. */
export function watchContactIndex(db: Dexie): void {
  const s = stateOf(db);
  db.use({
    stack: 'dbcore',
    name: 'contact-search-index',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'contacts') return table;
        return {
          ...table,
          mutate: async (req) => {
            try {
              const res = await table.mutate(req);
              // Not awaited: a write must not wait for an index build.
              followOnCommit(s, req);
              return res;
            } catch (e) {
              // A failed write may have half-applied: rebuild on the next search.
              s.index = undefined;
              throw e;
            }
          },
        };
      },
    }),
  });
}

function build(db: LeadlightDb, s: State): Promise<ContactIndex> {
  const p = db.contacts.toArray().then((rows) => new ContactIndex(rows));
  s.index = p;
  p.catch(() => {
    if (s.index === p) s.index = undefined;
  });
  return p;
}

/** Builds the index ahead of the first keystroke (the popup asks for the cache status on open). */
export function warmContactIndex(db: LeadlightDb): void {
  const s = stateOf(db);
  if (!s.index) void build(db, s).catch(() => undefined);
}

/** Names of cached contacts by email, from the index: the feedback list shows people, not addresses. */
export async function contactNames(db: LeadlightDb, emails: Iterable<string>): Promise<Map<string, string>> {
  const s = stateOf(db);
  const index = await (s.index ?? build(db, s));
  const names = new Map<string, string>();
  for (const email of emails) {
    const name = index.get(email)?.name;
    if (name) names.set(email, name);
  }
  return names;
}

/**
 * Cached contacts matching every typed word anywhere in name, email or company
 * (accents ignored), exact and prefix matches first.
 */
export async function searchContacts(db: LeadlightDb, query: string, limit = 20): Promise<ContactSummary[]> {
  const s = stateOf(db);
  const index = await (s.index ?? build(db, s));
  return index.search(query, limit);
}
