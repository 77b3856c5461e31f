import { useCallback, useEffect, useState } from 'react';
import type { Persona } from '@/lib/domain/persona';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from '../field';
import { useAction } from '../use-action';
import { DefinitionsExchange } from './definitions-exchange';
import { draftFromPersona, emptyDraft, type PersonaDraft } from './persona-draft';
import { PersonaForm } from './persona-form';

export type PersonaEditorApi = Pick<
  PageApi,
  'listPersonas' | 'savePersona' | 'deletePersona' | 'previewPersona' | 'exportDefinitions' | 'importDefinitions'
> &
  Partial<Pick<PageApi, 'getReasons'>>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The personas contacts are scored against: list, edit with a live preview of the
 * scores, delete, and share them (with the feedback reasons) as one file.
 */
export function PersonaEditor({ api }: { api: PersonaEditorApi }) {
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [editing, setEditing] = useState<PersonaDraft | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const { busy, error, done, run } = useAction();

  const load = useCallback(() => run(async () => setPersonas(await api.listPersonas())), [api, run]);
  useEffect(() => {
    load();
  }, [load]);

  return (
    <div data-testid="persona-editor">
      <p className="mt-1 text-sm">Each contact is scored 0–100 against every persona; the sidebar shows the best fit and why.</p>
      {personas && personas.length === 0 && <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No personas are defined.</p>}
      {personas && personas.length > 0 && (
        <ul
          aria-label="Personas"
          className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        >
          {personas.map((p) => (
            <li key={p.id} data-testid="persona-row" className="p-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium" data-testid="persona-row-name">
                  {p.name}
                </span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{plural(p.rules.length, 'rule')}</span>
              </div>
              {p.description && <p className="text-sm text-slate-700 dark:text-slate-300">{p.description}</p>}
              {confirmDelete === p.id ? (
                <div
                  role="alertdialog"
                  aria-label={`Confirm deleting ${p.name}`}
                  className="mt-2 rounded border border-red-300 p-2 text-sm dark:border-red-800"
                >
                  <p>Delete the persona “{p.name}”? Contacts will no longer be scored against it.</p>
                  <button
                    type="button"
                    className={`${BUTTON} border-red-600 bg-red-700 text-white`}
                    disabled={busy}
                    onClick={() =>
                      run(async () => {
                        setPersonas(await api.deletePersona(p.id));
                        setConfirmDelete(null);
                        if (editing?.id === p.id) setEditing(null);
                        return `Deleted “${p.name}”.`;
                      })
                    }
                  >
                    Delete persona
                  </button>
                  <button type="button" className={BUTTON} onClick={() => setConfirmDelete(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <div>
                  <button type="button" className={BUTTON} disabled={editing !== null} onClick={() => setEditing(draftFromPersona(p))}>
                    Edit<span className="sr-only"> {p.name}</span>
                  </button>
                  <button type="button" className={BUTTON} onClick={() => setConfirmDelete(p.id)}>
                    Delete<span className="sr-only"> {p.name}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <PersonaForm
          // A fresh form per persona opened, so no state leaks from the last one.
          key={editing.id ?? 'new'}
          api={api}
          initial={editing}
          takenIds={(personas ?? []).map((p) => p.id)}
          onCancel={() => setEditing(null)}
          onSaved={(list, saved) => {
            setPersonas(list);
            setEditing(null);
            void run(async () => `Saved “${saved.name}”.`);
          }}
        />
      ) : (
        <button type="button" className={BUTTON} disabled={!personas} onClick={() => setEditing(emptyDraft())}>
          New persona
        </button>
      )}
      <ActionResult error={error} done={done} />
      <DefinitionsExchange api={api} onImported={() => void load()} />
    </div>
  );
}
