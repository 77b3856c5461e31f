import { useId } from 'react';
import { PRESETS, type PeriodChoice } from './period';

/**
 * Preset buttons and the first / last day of the period. The day inputs always
 * show the period in force, so editing one starts a custom range from there.
 */
export function PeriodPicker({
  choice,
  days,
  onChange,
}: {
  choice: PeriodChoice;
  /** First and last day shown in the inputs (YYYY-MM-DD). */
  days: { from: string; to: string };
  onChange: (choice: PeriodChoice) => void;
}) {
  const id = useId();
  const invalid = choice.kind === 'custom' && choice.from !== '' && choice.to !== '' && choice.from > choice.to;
  const setDay = (end: 'from' | 'to', value: string) => onChange({ kind: 'custom', ...days, [end]: value });

  return (
    <fieldset className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-3">
      <legend className="sr-only">Period</legend>
      <div role="group" aria-label="Preset periods" className="flex flex-wrap gap-1">
        {PRESETS.map((p) => {
          const active = choice.kind === 'preset' && choice.preset === p.id;
          return (
            <button
              key={p.id}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ kind: 'preset', preset: p.id })}
              className={`rounded-full border px-3 py-1 text-sm ${
                active
                  ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-900'
                  : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
              }`}
            >
              {p.label}
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-600 dark:text-slate-300">From</span>
          <input
            type="date"
            value={days.from}
            max={days.to || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            aria-invalid={invalid || undefined}
            onChange={(e) => setDay('from', e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 dark:[color-scheme:dark]"
          />
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-600 dark:text-slate-300">To (inclusive)</span>
          <input
            type="date"
            value={days.to}
            min={days.from || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            aria-invalid={invalid || undefined}
            onChange={(e) => setDay('to', e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 dark:[color-scheme:dark]"
          />
        </label>
        {invalid && (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
            The first day must be on or before the last day.
          </p>
        )}
      </div>
    </fieldset>
  );
}
