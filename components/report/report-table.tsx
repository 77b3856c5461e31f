import type { ReportRow } from '@/lib/domain/report-schema';
import { nextSort, type ReportColumn, type SortState } from './report-columns';

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
          {rows.map((row) => (
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
