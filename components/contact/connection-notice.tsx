import type { ConnectionStatus } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';

type Props = { status: ConnectionStatus; onOpenSettings?: () => void };

/**
 * One line about a CRM connection that is not working, shown once at the top of
 * the popup: what is wrong and, when it needs the user, the way to fix it. A
 * healthy connection (or a bulk data source) shows nothing.
 */
export function ConnectionNotice({ status, onOpenSettings }: Props) {
  if (!status || status.health.state === 'healthy') return null;
  const { label, health } = status;
  if (health.state === 'needs_user') {
    return (
      <div
        role="alert"
        data-testid="connection-notice"
        className="bg-amber-50 px-4 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      >
        <p className="font-medium">{label} needs you: Leadlight has stopped asking it until you reconnect. Saved data is still shown.</p>
        <p className="mt-0.5 break-words">{health.message}</p>
        {onOpenSettings && (
          <button type="button" onClick={onOpenSettings} className="mt-1 font-medium underline">
            Reconnect {label}
          </button>
        )}
      </div>
    );
  }
  const when = formatDateTime(health.until);
  return (
    <p
      role="status"
      data-testid="connection-notice"
      className="bg-slate-100 px-4 py-2 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
    >
      {health.state === 'rate_limited' ? `${label} asked Leadlight to wait` : `${label} could not be reached`}; saved data is shown and
      Leadlight tries again after {when}. <span className="break-words text-slate-500 dark:text-slate-400">{health.message}</span>
    </p>
  );
}
