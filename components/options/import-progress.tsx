import { importProgress } from '@/lib/import/import-progress';
import type { ImportState } from '@/lib/import/import-session';

const n = (v: number) => v.toLocaleString('en-US');
const rows = (v: number) => `${n(v)} row${v === 1 ? '' : 's'}`;
const values = (v: number) => `${n(v)} value${v === 1 ? '' : 's'}`;

/** Errors and warnings listed on the page; the full counts are always shown. */
export const SHOWN_ERRORS = 100;

/** Progress while importing, then the summary, the rows that were skipped and the values left empty. */
export function ImportProgress({ state, onCancel, itemWord }: { state: ImportState; onCancel: () => void; itemWord: string }) {
  const { phase, imported, rowsPerSecond, errors, errorCount, warnings, warningCount } = state;
  const running = phase === 'importing' || phase === 'cancelling';
  const finished = phase === 'done' || phase === 'cancelled' || (phase === 'failed' && imported > 0);
  if (!running && !finished) return null;
  const { percent, rowsDone, rowsTotal } = importProgress(state);
  const of = rowsTotal === null ? '' : ` of ${state.rowsTotal === null ? 'about ' : ''}${n(rowsTotal)}`;

  return (
    <div className="mt-3">
      {running && (
        <div className="flex items-center gap-3">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%: ${n(rowsDone)}${of} rows stored or skipped`}
            className="h-2 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            {/* Scaled rather than sized: a width transition laid the page out again on every frame of the import. */}
            <div
              className="h-full origin-left bg-sky-600 transition-transform dark:bg-sky-400"
              style={{ transform: `scaleX(${percent / 100})` }}
            />
          </div>
          <button
            type="button"
            onClick={onCancel}
            disabled={phase === 'cancelling'}
            className="rounded border border-slate-400 px-3 py-1 text-sm disabled:opacity-50"
          >
            {phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
      <p data-testid="import-summary" role="status" className="mt-1 text-sm">
        {running && `${rows(imported)} imported${of ? ` (${n(rowsDone)}${of} done)` : ''} · ${n(rowsPerSecond)} rows/s`}
        {phase === 'done' && `Imported ${rows(imported)} · ${rows(errorCount)} skipped`}
        {phase === 'cancelled' && `Import cancelled. ${rows(imported)} imported before that were kept · ${rows(errorCount)} skipped`}
      </p>
      {errorCount > 0 && (
        <details className="mt-2 text-sm" data-testid="import-errors">
          <summary className="cursor-pointer text-rose-700 dark:text-rose-300">{rows(errorCount)} skipped: show why</summary>
          <ul className="mt-1 max-h-60 overflow-auto pl-4">
            {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <li key={i} data-testid="import-error" className="list-disc">
                {itemWord} {n(e.line)}: {e.reason}
              </li>
            ))}
          </ul>
          {errorCount > SHOWN_ERRORS && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              Showing the first {n(SHOWN_ERRORS)} of {n(errorCount)}.
            </p>
          )}
        </details>
      )}
      {warningCount > 0 && (
        <details className="mt-2 text-sm" data-testid="import-warnings">
          <summary className="cursor-pointer text-amber-800 dark:text-amber-300">
            {values(warningCount)} could not be read and {warningCount === 1 ? 'was' : 'were'} left empty; the rows were kept: show which
          </summary>
          <ul className="mt-1 max-h-60 overflow-auto pl-4">
            {warnings.slice(0, SHOWN_ERRORS).map((w, i) => (
              <li key={i} data-testid="import-warning" className="list-disc">
                {itemWord} {n(w.line)}, column “{w.column}”: {w.reason}
              </li>
            ))}
          </ul>
          {warningCount > SHOWN_ERRORS && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              Showing the first {n(SHOWN_ERRORS)} of {n(warningCount)}.
            </p>
          )}
        </details>
      )}
    </div>
  );
}
