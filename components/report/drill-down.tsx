import { useEffect, useRef } from 'react';
import { ASSET_TYPE_LABELS, labelFor } from '@/lib/domain/labels';
import type { DrillDownRow } from '@/lib/domain/report-schema';
import { formatDate } from '../format';

export type DrillDownState = {
  campaignId: string;
  label: string;
  rows: DrillDownRow[] | null;
  error: string | null;
};

/** The contacts behind one campaign row, with the verdict that counted and its note. */
export function DrillDown({ state, onClose, onRetry }: { state: DrillDownState; onClose: () => void; onRetry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening moves focus here so keyboard and screen-reader users land on what they asked for.
  useEffect(() => heading.current?.focus(), [state.campaignId]);

  return (
    <section
      id="report-drilldown"
      aria-labelledby="report-drilldown-heading"
      data-testid="drill-down"
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="flex items-start justify-between gap-4">
        <h3 id="report-drilldown-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
          Contacts behind “{state.label}”
        </h3>
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </div>
      {state.error ? (
        <div role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          <p>Could not load the contacts: {state.error}</p>
          <button type="button" onClick={onRetry} className="mt-1 underline">
            Retry
          </button>
        </div>
      ) : !state.rows ? (
        <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          Loading contacts…
        </p>
      ) : state.rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No contacts for this campaign in this period.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table data-testid="drill-down-table" className="w-full min-w-[64rem] text-left text-sm">
            <caption className="sr-only">Contacts behind {state.label}</caption>
            <thead className="text-xs text-slate-600 dark:text-slate-300">
              <tr>
                {['Contact', 'Company', 'Last touch', 'Verdict', 'Reason', 'Note', 'Given by', 'Assets that reached them'].map((h) => (
                  <th key={h} scope="col" className="border-b border-slate-300 py-1 pr-3 font-semibold dark:border-slate-600">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr
                  key={`${r.email}|${r.author ?? ''}`}
                  data-testid="drill-down-row"
                  className="border-b border-slate-200 align-top dark:border-slate-700"
                >
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {r.name ?? r.email}
                    {r.name && <span className="block text-xs font-normal break-all text-slate-600 dark:text-slate-300">{r.email}</span>}
                  </th>
                  <td className="py-1 pr-3">{r.company}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDate(r.lastTouchAt)}</td>
                  <td
                    className={`py-1 pr-3 font-medium ${
                      r.verdict === 'good'
                        ? 'text-emerald-700 dark:text-emerald-300'
                        : r.verdict === 'bad'
                          ? 'text-rose-700 dark:text-rose-300'
                          : 'text-slate-500 dark:text-slate-400'
                    }`}
                  >
                    {r.verdict === 'good' ? 'Good' : r.verdict === 'bad' ? 'Bad' : 'No verdict'}
                  </td>
                  <td className="py-1 pr-3">{r.reasonLabel}</td>
                  <td className="py-1 pr-3 break-words">{r.note}</td>
                  <td className="py-1 pr-3 break-all">{r.author}</td>
                  <td className="py-1 pr-3">
                    {(r.assets ?? []).length > 0 && (
                      <ul data-testid="drill-down-assets" className="space-y-0.5 text-xs">
                        {(r.assets ?? []).map((a) => (
                          <li key={`${a.campaign}|${a.name}`} title={`${a.campaign}, ${formatDate(a.date)}`} className="break-words">
                            {labelFor(a.type, ASSET_TYPE_LABELS)}: {a.name}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
