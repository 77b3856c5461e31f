import { useEffect, useState } from 'react';
import type { ReportRow } from '@/lib/domain/report-schema';
import { nextSort, type ReportColumn, type SortState } from './report-columns';

// Grouped by asset a report can have thousands of rows; the first screenfuls paint without waiting for them.
const FIRST_ROWS = 100;

/** The rows to render now: the first ones, then, once they have painted, all of them. */
function useRowsInStages(rows: readonly ReportRow[]): readonly ReportRow[] {
  const [complete, setComplete] = useState<readonly ReportRow[] | null>(null);
  const staged = rows.length > FIRST_ROWS && complete !== rows;
  useEffect(() => {
    if (!staged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from the next frame runs after that frame has painted.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setComplete(rows))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, staged]);
  return staged ? rows.slice(0, FIRST_ROWS) : rows;
}

/**
 * The report as a table. Headers are buttons that sort; the sorted header carries
 * aria-sort. In the Campaign view a row's label opens the contacts behind it.
 */
export function ReportTable({
  rows,
  columns,
  sort,
  onSort,
  caption,
  onOpenRow,
  openKey,
}: {
  /** Already sorted. */
  rows: readonly ReportRow[];
  columns: readonly ReportColumn[];
  sort: SortState;
  onSort: (sort: SortState) => void;
  caption: string;
  onOpenRow?: (row: ReportRow) => void;
  /** The row whose contacts are shown. */
  openKey?: string;
}) {
  const shown = useRowsInStages(rows);
  return (
    <div className="overflow-x-auto">
      <table data-testid="report-table" className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-slate-600 dark:text-slate-300">
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`border-b border-slate-300 py-2 pr-3 align-bottom font-semibold dark:border-slate-600 ${c.alignRight ? 'text-right' : ''}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort(nextSort(sort, c))}
                    className={`inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white ${c.alignRight ? 'flex-row-reverse text-right' : ''} ${
                      active ? 'text-slate-900 dark:text-white' : ''
                    }`}
                  >
                    {c.header}
                    <span aria-hidden="true" className={active ? '' : 'invisible'}>
                      {sort.dir === 'asc' && active ? '▲' : '▼'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              key={row.key}
              data-testid="report-row"
              className={`border-b border-slate-200 align-top dark:border-slate-700 ${openKey === row.key ? 'bg-sky-50 dark:bg-sky-950' : ''}`}
            >
              {columns.map((c) =>
                c.key === 'label' ? (
                  <th key={c.key} scope="row" className="py-2 pr-3 font-medium">
                    {onOpenRow ? (
                      <button
                        type="button"
                        onClick={() => onOpenRow(row)}
                        aria-expanded={openKey === row.key}
                        aria-controls={openKey === row.key ? 'report-drilldown' : undefined}
                        className="text-left text-sky-700 underline decoration-sky-700/40 hover:decoration-sky-700 dark:text-sky-300 dark:decoration-sky-300/40"
                      >
                        {row.label}
                      </button>
                    ) : (
                      row.label
                    )}
                  </th>
                ) : (
                  <td key={c.key} data-column={c.key} className={`py-2 pr-3 ${c.alignRight ? 'text-right tabular-nums' : ''}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
