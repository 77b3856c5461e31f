import { useCallback, useEffect, useId, useState } from 'react';
import { ReasonDefinitionSchema, type ReasonDefinition, type ReasonGroup } from '@/lib/domain/reason-definition';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from '../field';
import { onDefinitionsImported } from '../personas/definitions-events';
import { uniqueSlug } from '../personas/slug';
import { useAction } from '../use-action';

export const REASON_GROUPS: { id: ReasonGroup; title: string }[] = [
  { id: 'good', title: 'Good' },
  { id: 'rejection', title: 'Rejected before contact' },
  { id: 'disqualification', title: 'Disqualified after contact' },
];

const SMALL_BUTTON = 'rounded border border-slate-400 px-2 py-0.5 text-xs disabled:opacity-50';

/** The reason retired or back in use; "in use" leaves no `retired` key behind. */
function withRetired({ retired: _, ...reason }: ReasonDefinition, retired: boolean): ReasonDefinition {
  return retired ? { ...reason, retired: true } : reason;
}

/** The reasons as the list to save: labels trimmed, and checked as the background will. */
function checked(list: ReasonDefinition[]): ReasonDefinition[] {
  const out = list.map((r) => ({ ...r, label: r.label.trim() }));
  if (out.some((r) => !r.label)) throw new Error('Every reason needs a label.');
  if (!out.some((r) => !r.retired)) throw new Error('Keep at least one reason in use.');
  for (const r of out) {
    const parsed = ReasonDefinitionSchema.safeParse(r);
    if (!parsed.success) throw new Error(`“${r.label}”: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
  }
  return out;
}

/**
 * The reasons reps pick from when they judge a lead, grouped as the report groups
 * them. Renaming keeps the id, so past verdicts follow the new label; a reason
 * feedback already uses can be retired but not deleted (the background refuses).
 */
export function ReasonEditor({ api }: { api: Pick<PageApi, 'getReasons' | 'saveReasons'> & Partial<Pick<PageApi, 'listFeedback'>> }) {
  const [list, setList] = useState<ReasonDefinition[] | null>(null);
  // The list as the background last gave it: a save checks nobody changed it since (another tab, an import).
  const [loaded, setLoaded] = useState<ReasonDefinition[] | null>(null);
  // How many verdicts use each reason: those can be retired but never deleted, so no Delete is offered.
  const [uses, setUses] = useState<ReadonlyMap<string, number>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [newLabel, setNewLabel] = useState('');
  const [newGroup, setNewGroup] = useState<ReasonGroup>('rejection');
  const { busy, error, done, run } = useAction();
  const labelId = useId();
  const groupId = useId();

  const load = useCallback(
    (message?: string) =>
      run(async () => {
        const [reasons, feedback] = await Promise.all([api.getReasons(), api.listFeedback?.() ?? Promise.resolve([])]);
        const counts = new Map<string, number>();
        for (const f of feedback) if (f.reasonId) counts.set(f.reasonId, (counts.get(f.reasonId) ?? 0) + 1);
        setList(reasons);
        setLoaded(reasons);
        setUses(counts);
        setDirty(false);
        return message;
      }),
    [api, run],
  );
  useEffect(() => {
    void load();
    return onDefinitionsImported(api, () => void load('Reasons were replaced by the imported file.'));
  }, [api, load]);

  if (!list) return <ActionResult error={error} done={null} />;

  const change = (next: ReasonDefinition[]) => {
    setList(next);
    setDirty(true);
  };
  const update = (id: string, patch: Partial<ReasonDefinition>) => change(list.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  const add = () => {
    const label = newLabel.trim();
    if (!label) return;
    const id = uniqueSlug(
      label,
      list.map((r) => r.id),
      '_',
      'reason',
    );
    change([...list, { id, verdict: newGroup === 'good' ? 'good' : 'bad', group: newGroup, label }]);
    setNewLabel('');
  };

  return (
    <div data-testid="reason-editor">
      <p className="mt-1 text-sm">
        What reps can say when they judge a lead. Renaming a reason keeps past verdicts under it; retire a reason to stop offering it while
        old feedback keeps its label.
      </p>
      {REASON_GROUPS.map((group) => {
        const rows = list.filter((r) => r.group === group.id);
        return (
          <fieldset
            key={group.id}
            data-testid={`reason-group-${group.id}`}
            className="mt-3 rounded border border-slate-200 p-2 dark:border-slate-700"
          >
            <legend className="px-1 text-sm font-semibold">{group.title}</legend>
            {rows.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">No reasons in this group.</p>}
            <ul className="space-y-1">
              {rows.map((r) => (
                <li
                  key={r.id}
                  data-testid="reason-row"
                  data-reason-id={r.id}
                  className={`flex flex-wrap items-center gap-2 ${r.retired ? 'text-slate-500 dark:text-slate-400' : ''}`}
                >
                  <input
                    aria-label={`Label of reason ${r.id}`}
                    value={r.label}
                    maxLength={200}
                    onChange={(e) => update(r.id, { label: e.target.value })}
                    className={`w-72 max-w-full rounded border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800 ${r.retired ? 'italic line-through decoration-slate-400' : ''}`}
                  />
                  {r.retired && <span className="text-xs">(retired)</span>}
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    onClick={() => change(list.map((x) => (x.id === r.id ? withRetired(x, !x.retired) : x)))}
                  >
                    {r.retired ? 'Restore' : 'Retire'}
                    <span className="sr-only"> {r.label}</span>
                  </button>
                  {uses.get(r.id) ? (
                    <span data-testid="reason-in-use" className="text-xs text-slate-600 dark:text-slate-300">
                      Used by {uses.get(r.id)} {uses.get(r.id) === 1 ? 'verdict' : 'verdicts'}; retire it to stop offering it.
                    </span>
                  ) : (
                    <button type="button" className={SMALL_BUTTON} onClick={() => change(list.filter((x) => x.id !== r.id))}>
                      Delete<span className="sr-only"> {r.label}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={labelId} className="block text-sm font-medium">
            New reason
          </label>
          <input
            id={labelId}
            value={newLabel}
            maxLength={200}
            onChange={(e) => setNewLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            className="mt-1 w-72 max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
        </div>
        <div>
          <label htmlFor={groupId} className="block text-sm font-medium">
            Group
          </label>
          <select
            id={groupId}
            value={newGroup}
            onChange={(e) => setNewGroup(e.target.value as ReasonGroup)}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {REASON_GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className={BUTTON} disabled={!newLabel.trim()} onClick={add}>
          Add reason
        </button>
      </div>
      <div className="mt-2">
        <button
          type="button"
          className={`${BUTTON} border-sky-700 bg-sky-700 text-white dark:border-sky-600 dark:bg-sky-600`}
          disabled={busy || !dirty}
          onClick={() =>
            run(async () => {
              // The whole list is replaced: saved over a list changed elsewhere, it would drop those changes.
              if (JSON.stringify(await api.getReasons()) !== JSON.stringify(loaded))
                throw new Error(
                  'The reasons were changed in another tab since this page read them. Discard changes to see them, then edit again.',
                );
              const saved = await api.saveReasons(checked(list));
              setList(saved);
              setLoaded(saved);
              setDirty(false);
              return 'Reasons saved.';
            })
          }
        >
          Save all
        </button>
        <button type="button" className={BUTTON} disabled={busy || !dirty} onClick={() => void load('Changes discarded.')}>
          Discard changes
        </button>
        {dirty && <span className="text-xs text-slate-600 dark:text-slate-300">Unsaved changes</span>}
      </div>
      <ActionResult error={error} done={done} />
    </div>
  );
}
