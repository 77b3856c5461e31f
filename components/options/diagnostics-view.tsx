import { useEffect, useState } from 'react';
import type { HostDiagnostics } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { errorMessage } from '../ui/error-message';
import { groupByView, type MarkerState } from './diagnostics-views';

const STATE: Record<MarkerState, { text: string; className: string }> = {
  found: { text: 'found', className: 'text-emerald-800 dark:text-emerald-300' },
  missing: { text: 'missing', className: 'font-medium text-rose-800 dark:text-rose-300' },
  'not-checked': { text: 'not checked: view not open', className: 'text-slate-600 dark:text-slate-300' },
};

/**
 * Per host, the page markers the last scan looked for, grouped by the view they
 * serve (thread, compose…): enough for a user to report a host redesign in
 * minutes. A marker is "missing" only when its view was open. It holds no
 * contact data and is never sent anywhere.
 */
export function DiagnosticsView({ load }: { load: () => Promise<HostDiagnostics[]> }) {
  const [rows, setRows] = useState<HostDiagnostics[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    load().then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [load]);

  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
    );
  if (!rows) return null;
  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No supported page has been opened yet.</p>;
  return (
    <div data-testid="diagnostics-table" className="mt-2 space-y-3">
      {rows.map((d) => (
        <section
          key={d.hostId}
          data-testid="diagnostics-row"
          aria-label={`Markers on ${d.hostId}`}
          className="rounded border border-slate-200 p-2 dark:border-slate-700"
        >
          <h3 className="text-sm font-semibold">
            {d.hostId}{' '}
            <span className="font-normal text-slate-600 dark:text-slate-300">
              · last scan {formatDateTime(d.at)} · {d.recordFound ? 'record' : 'no record'}, {d.contactCount} contact
              {d.contactCount === 1 ? '' : 's'}
            </span>
          </h3>
          {groupByView(d).map((v) => (
            <div key={v.label} data-testid="diagnostics-view" data-open={v.open} className="mt-1 text-sm">
              <h4 className="font-medium">
                {v.label}{' '}
                <span className="text-xs font-normal text-slate-600 dark:text-slate-300">
                  ({v.open ? 'open in that scan' : 'not open in that scan'})
                </span>
              </h4>
              <ul className="flex flex-wrap gap-x-3 text-xs">
                {v.markers.map((m) => (
                  <li key={m.name} data-testid="diagnostics-marker" data-state={m.state} className={STATE[m.state].className}>
                    {m.name}: {STATE[m.state].text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
