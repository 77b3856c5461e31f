import { useId } from 'react';
import { ASSET_TYPE_LABELS } from '@/lib/domain/labels';
import { BUTTON } from '../field';
import { CheckedInput, FieldError } from './inputs';
import { RULE_KINDS, RULE_KIND_LABELS, type DraftErrors, type RuleDraft, type RuleKind } from './persona-draft';

const VALUE_HINTS: Partial<Record<RuleKind, string>> = {
  titleKeywords:
    'Separate with commas (quote one that holds a comma); a title containing any of them matches, e.g. VP Operations, "Head of Sales, EMEA"',
  seniority: 'Separate with commas, e.g. vp, director, c_level, manager, individual_contributor',
  department: 'Separate with commas, e.g. operations, finance, it, data',
  industry: 'Separate with commas, e.g. logistics, manufacturing, retail',
};

/** One persona rule: its kind, what it checks and how much it counts. */
export function RuleEditor({
  rule,
  index,
  errors,
  onChange,
  onRemove,
  canRemove,
}: {
  rule: RuleDraft;
  index: number;
  errors: DraftErrors;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const kindId = useId();
  const assetErrorId = useId();
  const err = (field: string) => errors[`rules.${index}.${field}`];
  const n = index + 1;
  return (
    <fieldset data-testid="rule-editor" className="mt-3 rounded border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Rule {n}</legend>
      <div className="flex flex-wrap items-start gap-3">
        <div className="mt-2">
          <label htmlFor={kindId} className="block text-sm font-medium">
            Kind
          </label>
          <select
            id={kindId}
            value={rule.kind}
            onChange={(e) => onChange({ kind: e.target.value as RuleKind })}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RULE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <CheckedInput
          label="Weight"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={rule.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
          error={err('weight')}
          className="w-28"
        />
      </div>
      {(rule.kind === 'titleKeywords' || rule.kind === 'seniority' || rule.kind === 'department' || rule.kind === 'industry') && (
        <CheckedInput
          label={rule.kind === 'titleKeywords' ? 'Keywords' : 'Values'}
          hint={VALUE_HINTS[rule.kind]}
          value={rule.values}
          onChange={(e) => onChange({ values: e.target.value })}
          error={err('values')}
          className="max-w-xl"
        />
      )}
      {rule.kind === 'companySize' && (
        <div className="flex flex-wrap gap-3">
          <CheckedInput
            label="Minimum employees"
            type="number"
            min={0}
            step={1}
            value={rule.min}
            onChange={(e) => onChange({ min: e.target.value })}
            error={err('min')}
            className="w-40"
          />
          <CheckedInput
            label="Maximum employees"
            type="number"
            min={1}
            step={1}
            value={rule.max}
            onChange={(e) => onChange({ max: e.target.value })}
            error={err('max')}
            className="w-40"
          />
        </div>
      )}
      {rule.kind === 'engagement' && (
        <>
          <fieldset className="mt-2" aria-describedby={err('assetTypes') ? assetErrorId : undefined}>
            <legend className="text-sm font-medium">Asset types that count</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {Object.entries(ASSET_TYPE_LABELS).map(([value, label]) => (
                <label key={value} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={rule.assetTypes.includes(value)}
                    onChange={(e) =>
                      onChange({ assetTypes: e.target.checked ? [...rule.assetTypes, value] : rule.assetTypes.filter((t) => t !== value) })
                    }
                  />
                  {label}
                </label>
              ))}
            </div>
            <FieldError id={assetErrorId} error={err('assetTypes')} />
          </fieldset>
          <CheckedInput
            label="Minimum touches"
            type="number"
            min={1}
            step={1}
            value={rule.minTouches}
            onChange={(e) => onChange({ minTouches: e.target.value })}
            error={err('minTouches')}
            className="w-40"
          />
        </>
      )}
      {canRemove && (
        <button type="button" className={BUTTON} onClick={onRemove}>
          Remove rule<span className="sr-only"> {n}</span>
        </button>
      )}
    </fieldset>
  );
}
