import { CONTROL, Labelled } from '../field';

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
  return (
    <Labelled label={label} hint={hint}>
      {(ids) => (
        <select {...ids} value={value} onChange={(e) => onChange(e.target.value)} className={CONTROL}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Labelled>
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
  return (
    <Labelled label={label} hint={hint}>
      {(ids) => (
        <input
          {...ids}
          value={value}
          maxLength={maxLength}
          placeholder="Leave unchanged"
          onChange={(e) => onChange(e.target.value)}
          className={CONTROL}
        />
      )}
    </Labelled>
  );
}
