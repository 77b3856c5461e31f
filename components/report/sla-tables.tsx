import type { SlaGroupRow } from '@/lib/domain/report-schema';

function SlaTable({ caption, groupHeader, rows, testId }: { caption: string; groupHeader: string; rows: SlaGroupRow[]; testId: string }) {
  return (
    <table data-testid={testId} className="text-left text-sm">
      <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
      <thead className="text-xs text-slate-600 dark:text-slate-300">
        <tr>
          <th scope="col" className="border-b border-slate-300 py-1 pr-4 font-semibold dark:border-slate-600">
            {groupHeader}
          </th>
          {['Met', 'Met, time not recorded', 'Missed', 'Open'].map((h) => (
            <th key={h} scope="col" className="border-b border-slate-300 py-1 pl-3 text-right font-semibold dark:border-slate-600">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5} className="py-1 text-slate-600 dark:text-slate-300">
              No hand-offs in this period.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-4 font-normal">
                {r.label}
              </th>
              <td className="py-1 pl-3 text-right tabular-nums">{r.met}</td>
              <td className="py-1 pl-3 text-right tabular-nums">{r.untimed}</td>
              <td className={`py-1 pl-3 text-right tabular-nums ${r.missed > 0 ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}>
                {r.missed}
              </td>
              <td className="py-1 pl-3 text-right tabular-nums">{r.open}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Hand-offs judged against the SLA, per owner and per campaign; a pointer to Settings when no SLA is set. */
export function SlaTables({ byOwner, byCampaign }: { byOwner: SlaGroupRow[] | null; byCampaign: SlaGroupRow[] | null }) {
  if (!byOwner || !byCampaign) {
    return (
      <p data-testid="sla-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Set a hand-off SLA in{' '}
        <a href="/options.html" className="text-sky-700 underline dark:text-sky-300">
          Settings
        </a>{' '}
        to see hand-offs met and missed.
      </p>
    );
  }
  return (
    <div className="mt-2 flex flex-wrap gap-x-12 gap-y-6">
      <SlaTable caption="By owner" groupHeader="Owner" rows={byOwner} testId="sla-by-owner" />
      <SlaTable caption="By campaign" groupHeader="Campaign" rows={byCampaign} testId="sla-by-campaign" />
    </div>
  );
}
