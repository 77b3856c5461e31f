import type Dexie from 'dexie';

/**
 * What the team report reads, kept in the background's memory between requests.
 * At a large team's scale the report reads every contact row with its touches
 * (100k rows, a million touches: seconds in Chromium), and the page asks again for
 * each grouping, period, attribution model and drill-down. Kept until anything
 * writes to a table the report reads, and let go five minutes after the report
 * last asked (the page says it is still in view every 20 s), so a background that
 * lives on does not hold it for nothing.
 */

// Staged feed rows are not data yet, and kept report views are the report's own
// output; everything else feeds the report or its scope.
const IGNORED = new Set(['feedStaging', 'reportViews']);
const RELEASE_AFTER_MS = 5 * 60_000;

type State = { reads: Map<string, Promise<unknown>>; release?: ReturnType<typeof setTimeout> };
const states = new WeakMap<Dexie, State>();

function forget(s: State): void {
  s.reads.clear();
  if (s.release !== undefined) clearTimeout(s.release);
  s.release = undefined;
}

/** Installs the write watcher; call once right after constructing the database. */
export function watchReportCache(db: Dexie): void {
  const s: State = { reads: new Map() };
  states.set(db, s);
  db.use({
    stack: 'dbcore',
    name: 'report-cache',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (IGNORED.has(name)) return table;
        return {
          ...table,
          // Once the write is done (or failed): a read made while it ran may not include it.
          mutate: (req) => table.mutate(req).finally(() => forget(s)),
        };
      },
    }),
  });
}

function holdFor(s: State): void {
  if (s.release !== undefined) clearTimeout(s.release);
  s.release = setTimeout(() => forget(s), RELEASE_AFTER_MS);
}

/** The report page is still in view: keep what it read for another while, if anything. */
export function holdReportCache(db: Dexie): void {
  const s = states.get(db);
  if (s) holdFor(s);
}

/**
 * A read for the report, done once and then served from memory until the data
 * changes or the report has not been asked for in a while. A failed read is not kept.
 */
export function cachedForReport<T>(db: Dexie, key: string, read: () => Promise<T>): Promise<T> {
  const s = states.get(db);
  // Without the write watcher nothing would tell the cache it is stale: read every time.
  if (!s) return read();
  holdFor(s);
  let hit = s.reads.get(key) as Promise<T> | undefined;
  if (!hit) {
    const p = read();
    hit = p;
    s.reads.set(key, p);
    p.catch(() => {
      if (s.reads.get(key) === p) s.reads.delete(key);
    });
  }
  return hit;
}
