import type Dexie from 'dexie';

/**
 * Campaigns, personas, settings and meta are small and read on every sidebar
 * lookup, as are the emails that have verdicts or seen mail. They are kept in
 * memory per database instance and dropped whenever anything writes to their
 * table (a DBCore middleware sees every write, clear() included). All writes go
 * through the background, so its memory stays true.
 */
const CACHED = new Set(['campaigns', 'personas', 'settings', 'meta', 'feedback', 'observedTouches']);
const caches = new WeakMap<Dexie, Map<string, Promise<unknown>>>();

/** Installs the write watcher; call once right after constructing the database. */
export function watchSmallTables(db: Dexie): void {
  const cache = new Map<string, Promise<unknown>>();
  caches.set(db, cache);
  db.use({
    stack: 'dbcore',
    name: 'small-table-cache',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!CACHED.has(name)) return table;
        return {
          ...table,
          mutate: (req) => {
            forget(cache, name);
            return table.mutate(req).finally(() => forget(cache, name));
          },
        };
      },
    }),
  });
}

/** Drops every cached read of a table (`name`, and keys such as `name/part`). */
function forget(cache: Map<string, Promise<unknown>>, name: string) {
  for (const key of cache.keys()) if (key === name || key.startsWith(`${name}/`)) cache.delete(key);
}

/**
 * A read of a small table, done once and then served from memory until the table
 * changes. `part` names one of several reads of the same table (settings and secrets
 * share the settings table).
 */
export function cachedTable<T>(db: Dexie, name: string, read: () => Promise<T>, part?: string): Promise<T> {
  const cache = caches.get(db);
  if (!cache || !CACHED.has(name)) return read();
  const key = part ? `${name}/${part}` : name;
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = read();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
