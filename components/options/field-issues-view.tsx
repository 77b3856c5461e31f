import { useEffect, useState } from 'react';
import type { FieldIssueSummary } from '@/lib/connectors/field-issues';
import { formatDateTime } from '../format';
import { errorMessage } from '../ui/error-message';

/**
 * CRM fields Leadlight could not read: each one is left out of the contact (shown
 * as unknown) while the rest still shows; and fields a verdict could not set (the
 * verdict itself was delivered). Listed by where they are, for an admin to check
 * field-level security or a changed field; no values are kept.
 */
export function FieldIssuesView({ load }: { load: () => Promise<FieldIssueSummary[]> }) {
  const [rows, setRows] = useState<FieldIssueSummary[] | null>(null);
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
  if (rows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">Every CRM field read or set so far worked.</p>;
  return (
    <ul data-testid="field-issues" className="mt-2 space-y-1 text-sm">
      {rows.map((r) => (
        <li key={r.text} data-testid="field-issue">
          <span className="font-medium">{r.text}</span>
          <span className="text-slate-500 dark:text-slate-400">
            {' '}
            · {r.count} time{r.count === 1 ? '' : 's'}, last {formatDateTime(r.lastSeen)}
          </span>
        </li>
      ))}
    </ul>
  );
}
