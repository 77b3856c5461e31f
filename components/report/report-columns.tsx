import type { ReactNode } from 'react';
import type { CsvColumn } from '@/lib/domain/csv';
import type { ReportDimension, ReportRow, TopReason } from '@/lib/domain/report-schema';
import { dimensionLabel } from './dimension-tabs';

/** Columns of the report table; one definition drives the header, the cells, sorting and the CSV. */

export type SortKey =
  | 'label'
  | 'leadsTouched'
  | 'verdicts'
  | 'good'
  | 'bad'
  | 'goodRate'
  | 'topRejection'
  | 'topDisqualification'
  | 'handoffsMet'
  | 'handoffsUntimed'
  | 'handoffsMissed'
  | 'handoffsOpen';

export type SortState = { key: SortKey; dir: 'asc' | 'desc' };

export const DEFAULT_SORT: SortState = { key: 'verdicts', dir: 'desc' };

export interface ReportColumn {
  key: SortKey;
  header: string;
  /** Numbers sort high-to-low first. */
  numeric: boolean;
  /** Figures line up on the right. */
  alignRight: boolean;
  /** What the column sorts by; null (no data) always sorts last. */
  sortValue: (row: ReportRow) => number | string | null;
  cell: (row: ReportRow) => ReactNode;
  csv: CsvColumn<ReportRow>[];
}

const count = (n: number) => n.toLocaleString('en-US');

/** 0.6667 → "67%"; null (nobody judged these leads yet) → "—", never "0%". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

function reasonCell(r: TopReason | null): ReactNode {
  if (!r) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <>
      {r.label} <span className="text-slate-500 dark:text-slate-400">({count(r.count)})</span>
    </>
  );
}

function numberColumn(key: SortKey, header: string, value: (row: ReportRow) => number | undefined): ReportColumn {
  return {
    key,
    header,
    numeric: true,
    alignRight: true,
    sortValue: (row) => value(row) ?? null,
    cell: (row) => {
      const v = value(row);
      return v === undefined ? '—' : count(v);
    },
    csv: [{ header, value }],
  };
}

function reasonColumn(key: 'topRejection' | 'topDisqualification', header: string): ReportColumn {
  return {
    key,
    header,
    // Sorted by how often the reason was given.
    numeric: true,
    alignRight: false,
    sortValue: (row) => row[key]?.count ?? null,
    cell: (row) => reasonCell(row[key]),
    csv: [
      { header, value: (row) => row[key]?.label },
      { header: `${header} (count)`, value: (row) => row[key]?.count },
    ],
  };
}

/** The visible columns: hand-offs only when the report carries them (an SLA is set). */
export function reportColumns(dimension: ReportDimension, withHandoffs: boolean): ReportColumn[] {
  const labelHeader = dimensionLabel(dimension);
  const columns: ReportColumn[] = [
    {
      key: 'label',
      header: labelHeader,
      numeric: false,
      alignRight: false,
      sortValue: (row) => row.label,
      cell: (row) => row.label,
      csv: [{ header: labelHeader, value: (row) => row.label }],
    },
    numberColumn('leadsTouched', 'Leads touched', (r) => r.leadsTouched),
    numberColumn('verdicts', 'Verdicts', (r) => r.verdicts),
    numberColumn('good', 'Good', (r) => r.good),
    numberColumn('bad', 'Bad', (r) => r.bad),
    {
      key: 'goodRate',
      header: 'Good-lead rate',
      numeric: true,
      alignRight: true,
      sortValue: (row) => row.goodRate,
      // The sample size sits beside the rate: 100% of 1 is not 100% of 80.
      cell: (row) =>
        row.goodRate === null ? (
          formatRate(null)
        ) : (
          <>
            {formatRate(row.goodRate)}{' '}
            <span className="text-xs font-normal text-slate-500 dark:text-slate-400">of {count(row.verdicts)}</span>
          </>
        ),
      // A number a spreadsheet can chart; empty (not 0) when nobody judged the leads.
      csv: [{ header: 'Good-lead rate (%)', value: (row) => (row.goodRate === null ? null : Math.round(row.goodRate * 1000) / 10) }],
    },
    reasonColumn('topRejection', 'Top rejection reason'),
    reasonColumn('topDisqualification', 'Top disqualification reason'),
  ];
  if (withHandoffs) {
    columns.push(
      numberColumn('handoffsMet', 'Hand-offs met', (r) => r.handoffs?.met),
      numberColumn('handoffsUntimed', 'Hand-offs met, time not recorded', (r) => r.handoffs?.untimed),
      numberColumn('handoffsMissed', 'Hand-offs missed', (r) => r.handoffs?.missed),
      numberColumn('handoffsOpen', 'Hand-offs open', (r) => r.handoffs?.open),
    );
  }
  return columns;
}

/** Rows in the chosen order; rows without a value go last either way, ties by label. */
export function sortRows(rows: readonly ReportRow[], columns: readonly ReportColumn[], sort: SortState): ReportRow[] {
  const column = columns.find((c) => c.key === sort.key) ?? columns.find((c) => c.key === DEFAULT_SORT.key);
  if (!column) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [column.sortValue(a), column.sortValue(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    }
    return a.label.localeCompare(b.label);
  });
}

/** Next sort after a header click: the same column flips; a new one starts high-to-low (labels A–Z). */
export function nextSort(current: SortState, column: ReportColumn): SortState {
  if (current.key === column.key) return { key: column.key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key: column.key, dir: column.numeric ? 'desc' : 'asc' };
}
