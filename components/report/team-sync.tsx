import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { TeamSyncState } from '@/lib/team/team-sync';
import { errorMessage } from '../ui/error-message';

export type TeamSyncApi = Pick<PageApi, 'syncTeam' | 'getTeamSync'>;

const POLL_MS = 500;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Reads every rep's verdicts from the connected CRM when the report opens (the
 * background skips a read done minutes ago), shows how far it has got, and reloads
 * the report when it ends. "Refresh" reads again now.
 */
export function TeamSync({ api, crm, onDone }: { api: TeamSyncApi; crm: string; onDone: () => void }) {
  const [state, setState] = useState<TeamSyncState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const start = useCallback(
    (force: boolean) => {
      const fail = (e: unknown) => setError(errorMessage(e));
      const follow = (next: TeamSyncState) => {
        setState(next);
        if (next.running) {
          timer.current = setTimeout(() => {
            api.getTeamSync().then(follow, fail);
          }, POLL_MS);
        } else if (next.read > 0 || next.error) done.current();
      };
      clearTimeout(timer.current);
      setError(null);
      api.syncTeam(force).then(follow, fail);
    },
    [api],
  );
  useEffect(() => {
    start(false);
    return () => clearTimeout(timer.current);
  }, [start]);

  const running = !!state?.running;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-3 text-sm">
      {running && (
        <p role="status" data-testid="team-sync-progress">
          Reading the team’s verdicts from {crm}: {count(state.read)}
          {state.total !== undefined ? ` of ${count(state.total)}` : ''} records…
        </p>
      )}
      {!running && state?.error && (
        <p role="alert" data-testid="team-sync-error" className="text-red-700 dark:text-red-300">
          Could not read the team’s verdicts from {crm}: {state.error} The report shows the last verdicts read.
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="button"
        disabled={running}
        onClick={() => start(true)}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Read the team’s verdicts again
      </button>
    </div>
  );
}
