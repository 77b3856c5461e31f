import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from './field';
import { useAction } from './use-action';

/** Wipes everything Leadlight stored in this browser, after an explicit confirmation. */
export function DangerZone({ api, unsent, onDeleted }: { api: PageApi; unsent: number; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, done, run } = useAction();
  return (
    <div>
      <p className="text-sm">
        Removes cached contacts, feedback, settings and credentials from this browser. Nothing in your CRM is changed.
      </p>
      {!confirming ? (
        <button type="button" className={`${BUTTON} border-red-600 text-red-700 dark:text-red-300`} onClick={() => setConfirming(true)}>
          Delete all local data…
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-label="Confirm deleting all local data"
          className="mt-2 rounded border border-red-300 p-2 text-sm dark:border-red-800"
        >
          <p>{unsent > 0 ? `${unsent} verdicts have not reached a CRM and will be lost. ` : ''}This cannot be undone.</p>
          <button
            type="button"
            className={`${BUTTON} border-red-600 bg-red-700 text-white`}
            disabled={busy}
            onClick={() =>
              run(async () => {
                await api.deleteAllLocalData();
                setConfirming(false);
                onDeleted();
                return 'All local data was deleted.';
              })
            }
          >
            Delete everything
          </button>
          <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <ActionResult error={error} done={done} />
    </div>
  );
}
