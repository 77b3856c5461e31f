/** Survives a worker restart: when the replacing import under way began. */
export const IMPORT_REPLACING = 'import:replacing';

/**
 * Any import under way, adding or replacing, and when the latest began: a feed sync
 * must not swap in under an import whose rows are still arriving.
 */
export const IMPORT_RUNNING = 'import:running';

/**
 * Past this a marker was left by an import the browser closed on, not one still running:
 * 100,000 rows import in about a minute, and a stale marker must not hold off the feed for good.
 */
export const IMPORT_ABANDONED_MS = 60 * 60_000;

/** Whether an import that began at `began` (a marker's `loadedAt`) may still be running at `now` (ms). */
export function importUnderWay(began: string | undefined, now: number): boolean {
  return now - Date.parse(began ?? '') < IMPORT_ABANDONED_MS;
}
