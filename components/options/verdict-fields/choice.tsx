import { useId } from 'react';

const CONTROL =
  'mt-1 block w-full max-w-md rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** A labelled select in the options page's style; options are [value, label] pairs. */
export function Choice({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? hintId : undefined}
        className={CONTROL}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled text input whose length the field it fills decides. */
export function TextChoice({
  label,
  value,
  maxLength,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  hint: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        value={value}
        maxLength={maxLength}
        placeholder="Leave unchanged"
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
        className={CONTROL}
      />
      <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        {hint}
      </p>
    </div>
  );
}
