import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Persona } from '@/lib/domain/persona';
import type { PageApi } from '@/lib/messaging/page-client';
import type { PersonaPreviewRow } from '@/lib/messaging/protocol';
import { ActionResult, BUTTON } from '../field';
import { useAction } from '../use-action';
import { CheckedInput, FieldError, INPUT } from './inputs';
import { newRuleDraft, validateDraft, type PersonaDraft, type RuleDraft } from './persona-draft';
import { PersonaPreview } from './persona-preview';
import { RuleEditor } from './rule-editor';
import { errorMessage } from '../../ui/error-message';

/** How long typing must pause before the preview asks the background again. */
export const PREVIEW_DEBOUNCE_MS = 300;

type Props = {
  api: Pick<PageApi, 'savePersona' | 'previewPersona'>;
  initial: PersonaDraft;
  /** Ids a new persona must not take. */
  takenIds: readonly string[];
  onSaved: (personas: Persona[], saved: Persona) => void;
  onCancel: () => void;
};

/** Name, description and rules of one persona, with a live preview of the scores it gives. */
export function PersonaForm({ api, initial, takenIds, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  // Errors show once a save was tried; the preview only ever needs validity.
  const [showErrors, setShowErrors] = useState(false);
  const { busy, error, done, run } = useAction();
  const descriptionId = useId();
  const result = useMemo(() => validateDraft(draft, takenIds), [draft, takenIds]);
  const errors = result.ok || !showErrors ? {} : result.errors;

  const [preview, setPreview] = useState<PersonaPreviewRow[] | null>(null);
  const [previewState, setPreviewState] = useState<'idle' | 'invalid' | 'loading' | 'ready'>('idle');
  const [previewError, setPreviewError] = useState<string | null>(null);
  const previewKey = result.ok ? JSON.stringify(result.persona) : null;
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    if (!previewKey) {
      setPreviewState('invalid');
      return;
    }
    setPreviewState('loading');
    const timer = setTimeout(() => {
      api.previewPersona(JSON.parse(previewKey) as Persona).then(
        (rows) => {
          if (ask !== latest.current) return;
          setPreview(rows);
          setPreviewError(null);
          setPreviewState('ready');
        },
        (e: unknown) => {
          if (ask !== latest.current) return;
          setPreviewError(errorMessage(e));
          setPreviewState('ready');
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, previewKey]);

  const patchRule = (key: number, patch: Partial<RuleDraft>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

  const save = () =>
    run(async () => {
      setShowErrors(true);
      if (!result.ok) throw new Error('Fix the fields marked below, then save again.');
      const list = await api.savePersona(result.persona);
      onSaved(list, result.persona);
    });

  return (
    <form
      aria-label={initial.id ? `Edit persona ${initial.name}` : 'New persona'}
      data-testid="persona-form"
      // Checked with PersonaSchema and worded per field, not by the browser's bubbles.
      noValidate
      className="mt-3 rounded border border-slate-300 p-3 dark:border-slate-600"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="font-semibold">{initial.id ? `Edit “${initial.name}”` : 'New persona'}</h3>
      <CheckedInput
        label="Name"
        value={draft.name}
        maxLength={200}
        onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
        error={errors.name}
        className="max-w-md"
      />
      <div className="mt-2 max-w-xl">
        <label htmlFor={descriptionId} className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id={descriptionId}
          rows={3}
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          aria-invalid={errors.description ? true : undefined}
          className={INPUT}
        />
        <FieldError error={errors.description} />
      </div>
      <CheckedInput
        label="Fit threshold"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        value={draft.fitThreshold}
        onChange={(e) => setDraft((d) => ({ ...d, fitThreshold: e.target.value }))}
        error={errors.fitThreshold}
        hint="A contact whose score (over the rules their record lets us judge) is below this sees “No persona fits well” and the closest persona."
        className="max-w-xs"
      />
      <h4 className="mt-3 text-sm font-semibold">Rules</h4>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The match score is the weighted share of the rules a contact meets, 0–100, counting only rules their record has data for.
      </p>
      {draft.rules.map((rule, i) => (
        <RuleEditor
          key={rule.key}
          rule={rule}
          index={i}
          errors={errors}
          canRemove
          onChange={(patch) => patchRule(rule.key, patch)}
          onRemove={() => setDraft((d) => ({ ...d, rules: d.rules.filter((r) => r.key !== rule.key) }))}
        />
      ))}
      <FieldError error={errors.rules} />
      <button type="button" className={BUTTON} onClick={() => setDraft((d) => ({ ...d, rules: [...d.rules, newRuleDraft()] }))}>
        Add rule
      </button>
      <PersonaPreview rows={preview} state={previewState} error={previewError} />
      <div className="mt-3">
        <button
          type="submit"
          className={`${BUTTON} border-sky-700 bg-sky-700 text-white dark:border-sky-600 dark:bg-sky-600`}
          disabled={busy}
        >
          Save persona
        </button>
        <button type="button" className={BUTTON} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ActionResult error={error} done={done} />
    </form>
  );
}
