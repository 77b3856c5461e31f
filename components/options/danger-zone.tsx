import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import { errorMessage } from '../ui/error-message';
import { DeleteLosses, useLosses, type LossApi } from './delete-losses';
import { ActionResult, BUTTON } from './field';
import { useAction } from './use-action';

type Api = LossApi & Pick<PageApi, 'deleteAllLocalData' | 'disconnectSalesforce'>;

/**
 * A Salesforce sign-in is revoked before it is forgotten, as Disconnect does: a refresh
 * token only deleted here would keep opening the org until someone removed it there.
 */
async function revokeSalesforce(api: Api): Promise<string> {
  try {
    const { revoked, revokeError } = await api.disconnectSalesforce();
    return revoked ? ' Leadlight’s access to Salesforce was revoked.' : ` Salesforce was not told: ${revokeError ?? 'no answer'}`;
  } catch (e) {
    return ` Leadlight could not revoke its Salesforce access (${errorMessage(e)}); remove Leadlight under Connected Apps OAuth Usage in Salesforce.`;
  }
}

/** Wipes everything Leadlight stored in this browser, after a confirmation that says what goes. */
export function DangerZone({ api, unsent, onDeleted }: { api: Api; unsent: number; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const losses = useLosses(api, confirming);
  const { busy, error, done, run } = useAction();
  return (
    <div>
      <p className="text-sm">
        Removes cached contacts, feedback, teammates’ verdicts, personas, reasons, settings and credentials from this browser. Nothing in
        your CRM is changed.
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
          <p>This also deletes, and cannot be undone:</p>
          {losses ? <DeleteLosses unsent={unsent} losses={losses} /> : <p className="text-slate-500">Checking what would be lost…</p>}
          <button
            type="button"
            className={`${BUTTON} border-red-600 bg-red-700 text-white`}
            disabled={busy || !losses}
            onClick={() =>
              run(async () => {
                const revoked = losses?.connections?.salesforceConnected ? await revokeSalesforce(api) : '';
                await api.deleteAllLocalData();
                setConfirming(false);
                onDeleted();
                return `All local data was deleted.${revoked}`;
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
