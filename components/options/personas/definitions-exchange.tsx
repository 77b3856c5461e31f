import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from '../field';
import { useAction } from '../use-action';
import { downloadText } from '../../ui/download';
import { notifyDefinitionsImported } from './definitions-events';

export const DEFINITIONS_FILE_NAME = 'leadlight-definitions.json';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Hands personas and reasons round as one file: marketing exports it, every rep
 * imports it, and all score leads and give reasons in the same vocabulary.
 */
export function DefinitionsExchange({
  api,
  onImported,
}: {
  api: Pick<PageApi, 'exportDefinitions' | 'importDefinitions'>;
  onImported: () => void;
}) {
  const { busy, error, done, run } = useAction();
  return (
    <div data-testid="definitions-exchange" className="mt-4 rounded border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="font-semibold">Share with your team</h3>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        One file with every persona and feedback reason. Importing a file replaces both lists here; a file that cannot be read changes
        nothing.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          onClick={() =>
            run(async () => {
              downloadText(DEFINITIONS_FILE_NAME, await api.exportDefinitions(), 'application/json');
              return `Downloaded ${DEFINITIONS_FILE_NAME}.`;
            })
          }
        >
          Export personas and reasons
        </button>
        <label className="mt-2 text-sm">
          <span className="mr-2 font-medium">Import…</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so picking the same file again still fires a change.
              e.target.value = '';
              if (!file) return;
              void run(async () => {
                const counts = await api.importDefinitions(await file.text());
                onImported();
                notifyDefinitionsImported(api);
                return `Imported ${plural(counts.personas, 'persona')} and ${plural(counts.reasons, 'reason')} from ${file.name}.`;
              });
            }}
            className="text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-transparent file:px-3 file:py-1 file:text-sm dark:file:text-slate-100"
          />
        </label>
      </div>
      <ActionResult error={error} done={done} />
    </div>
  );
}
