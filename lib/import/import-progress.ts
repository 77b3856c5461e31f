import type { ImportState } from './import-session';

/**
 * How far the import is, as a share of the file's rows that are stored or were
 * skipped: rows written, not bytes read, so the bar does not sit near the end while
 * the background is still writing. Until the parser has read the whole file its
 * row count is estimated from the bytes read so far.
 */
export function importProgress(s: Pick<ImportState, 'imported' | 'errorCount' | 'rowsParsed' | 'rowsTotal' | 'bytesDone' | 'totalBytes'>): {
  percent: number;
  rowsDone: number;
  rowsTotal: number | null;
} {
  const rowsDone = s.imported + s.errorCount;
  const estimate = s.rowsTotal ?? (s.bytesDone > 0 ? Math.round((s.rowsParsed * s.totalBytes) / s.bytesDone) : null);
  const total = estimate === null ? null : Math.max(estimate, rowsDone);
  const percent = total ? Math.min(100, Math.floor((rowsDone / total) * 100)) : 0;
  return { percent, rowsDone, rowsTotal: total };
}
