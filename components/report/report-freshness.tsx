import { formatTimeOnDay } from '../format';
import { RetryButton } from '../ui/retry-button';

/** While the last kept report is shown: says so, and when it was computed, until the fresh one replaces it. */
export function StaleReportStatus({ computedAt, updating, now }: { computedAt: string; updating: boolean; now: Date }) {
  return (
    <p
      role="status"
      data-testid="report-as-of"
      className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      Showing the report as of {formatTimeOnDay(computedAt, now)}
      {updating && ' — updating…'}
    </p>
  );
}

/** The report could not be computed; with older figures still on the page, says how old they are. */
export function ReportError({ error, staleAt, now, onRetry }: { error: string; staleAt: string | null; now: Date; onRetry: () => void }) {
  return (
    <div role="alert" data-testid="report-error" className="mb-3 text-sm text-red-700 dark:text-red-300">
      <p className="font-medium">{staleAt ? 'Could not update the report' : 'Could not load the report'}</p>
      <p className="mt-1 break-words">{error}</p>
      {staleAt && <p className="mt-1">The figures shown are from {formatTimeOnDay(staleAt, now)}.</p>}
      <RetryButton onRetry={onRetry} />
    </div>
  );
}
