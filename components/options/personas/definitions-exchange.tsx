import { useState } from 'react';
import { parseDefinitions } from '@/lib/domain/persona-exchange';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from '../field';
import { useAction } from '../use-action';
import { downloadText } from '../../ui/download';
import { diffDefinitions, nothingChanges, type DefinitionsChange, type ListChange } from './definitions-diff';
import { notifyDefinitionsImported } from './definitions-events';

export const DEFINITIONS_FILE_NAME = 'leadlight-definitions.json';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Api = Pick<PageApi, 'exportDefinitions' | 'importDefinitions' | 'listPersonas'> & Partial<Pick<PageApi, 'getReasons'>>;
type Pending = { text: string; fileName: string; change: DefinitionsChange };

function ChangeList({ title, change }: { title: string; change: ListChange }) {
  const lines: [string, string[]][] = [
    ['Added', change.added],
    ['Changed', change.changed],
    ['Removed', change.removed],
  ];
  const any = lines.some(([, l]) => l.length > 0);
  return (
    <div className="mt-2">
      <h4 className="text-sm font-semibold">{title}</h4>
      {!any && <p className="text-sm">No change.</p>}
      <dl className="text-sm">
        {lines
          .filter(([, l]) => l.length > 0)
          .map(([what, l]) => (
            <div key={what} data-testid={`${title.toLowerCase()}-${what.toLowerCase()}`}>
              <dt className="inline font-medium">
                {what} ({l.length}):{' '}
              </dt>
              <dd className="inline">{l.join(', ')}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/**
 * Hands personas and reasons round as one file: marketing exports it, every rep
 * imports it, and all score leads and give reasons in the same vocabulary. An
 * import first shows what it would add, change and remove, replaces only once
 * confirmed, and can be undone.
 */
export function DefinitionsExchange({ api, onImported }: { api: Api; onImported: () => void }) {
  const { busy, error, done, run } = useAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const [undo, setUndo] = useState<string | null>(null);

  const preview = (text: string, fileName: string) =>
    run(async () => {
      setUndo(null);
      const parsed = parseDefinitions(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const [personas, reasons] = await Promise.all([api.listPersonas(), api.getReasons?.() ?? Promise.resolve([])]);
      const change = diffDefinitions({ personas, reasons }, parsed.value);
      if (nothingChanges(change)) return `${fileName} holds the same personas and reasons as this browser; nothing to import.`;
      setPending({ text, fileName, change });
    });

  const confirm = (p: Pending) =>
    run(async () => {
      // Kept in memory so the import can be undone from this page.
      const before = await api.exportDefinitions();
      const counts = await api.importDefinitions(p.text);
      setPending(null);
      setUndo(before);
      onImported();
      notifyDefinitionsImported(api);
      return `Imported ${plural(counts.personas, 'persona')} and ${plural(counts.reasons, 'reason')} from ${p.fileName}.`;
    });

  const revert = (before: string) =>
    run(async () => {
      await api.importDefinitions(before);
      setUndo(null);
      onImported();
      notifyDefinitionsImported(api);
      return 'Import undone: the personas and reasons are back as they were.';
    });

  return (
    <div data-testid="definitions-exchange" className="mt-4 rounded border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="font-semibold">Share with your team</h3>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        One file with every persona and feedback reason. Importing a file shows what it would change and replaces both lists here only once
        you confirm; a file that cannot be read changes nothing.
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
              void file.text().then((text) => preview(text, file.name));
            }}
            className="text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-transparent file:px-3 file:py-1 file:text-sm dark:file:text-slate-100"
          />
        </label>
      </div>
      {pending && (
        <div
          role="group"
          aria-label="What this import changes"
          data-testid="definitions-diff"
          className="mt-3 rounded border border-amber-600 p-3"
        >
          <p className="text-sm font-medium">Importing {pending.fileName} replaces the personas and reasons in this browser:</p>
          <ChangeList title="Personas" change={pending.change.personas} />
          <ChangeList title="Reasons" change={pending.change.reasons} />
          <button
            type="button"
            className={`${BUTTON} border-amber-700 bg-amber-700 text-white`}
            disabled={busy}
            onClick={() => void confirm(pending)}
          >
            Replace personas and reasons
          </button>
          <button type="button" className={BUTTON} disabled={busy} onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      <ActionResult error={error} done={done} />
      {undo && !pending && (
        <button type="button" className={BUTTON} disabled={busy} onClick={() => void revert(undo)}>
          Undo import
        </button>
      )}
    </div>
  );
}
