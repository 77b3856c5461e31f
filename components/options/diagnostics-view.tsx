import { useEffect, useState } from 'react';
import type { HostDiagnostics } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { errorMessage } from '../ui/error-message';

/**
 * Per host, which selectors matched the last time a page was scanned and which
 * found nothing: enough for a user to report a host redesign in minutes. It
 * holds no contact data and is never sent anywhere.
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
  if (rows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No supported page has been opened yet.</p>;
  return (
    <table data-testid="diagnostics-table" className="mt-2 w-full text-left text-sm">
      <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th scope="col" className="py-1 pr-2">
            Host
          </th>
          <th scope="col" className="py-1 pr-2">
            Last scan
          </th>
          <th scope="col" className="py-1 pr-2">
            Found
          </th>
          <th scope="col" className="py-1 pr-2">
            Selectors matched
          </th>
          <th scope="col" className="py-1">
            Found nothing
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.hostId} data-testid="diagnostics-row" className="border-t border-slate-200 align-top dark:border-slate-700">
            <td className="py-1 pr-2 font-medium">{d.hostId}</td>
            <td className="py-1 pr-2 whitespace-nowrap">{formatDateTime(d.at)}</td>
            <td className="py-1 pr-2">
              {d.recordFound ? 'record' : 'no record'}, {d.contactCount} contact{d.contactCount === 1 ? '' : 's'}
            </td>
            <td className="py-1 pr-2 text-emerald-700 dark:text-emerald-300">{d.matched.join(', ') || '—'}</td>
            <td className="py-1 text-rose-700 dark:text-rose-300">{d.missing.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
