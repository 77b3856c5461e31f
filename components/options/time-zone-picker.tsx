import { useId, useMemo } from 'react';

/** Every zone the browser knows, so the list offers nothing the background would refuse. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  // UTC and the browser's own zone (which may be an older alias) are valid but not always listed.
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set(['UTC', own, ...supported])].filter(Boolean);
}

/** "Europe/Berlin (UTC+01:00)": the offset helps when several cities share a zone. */
function withOffset(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    return part ? `${zone} (${part.replace('GMT', 'UTC') === 'UTC' ? 'UTC+00:00' : part.replace('GMT', 'UTC')})` : zone;
  } catch {
    return zone;
  }
}

type Props = { value: string; onChange: (zone: string) => void; error?: string };

/**
 * The SLA's time zone, picked from a searchable list: type part of a city or region
 * ("berlin", "new_y") and choose. Anything not on the list is refused before saving.
 */
export function TimeZonePicker({ value, onChange, error }: Props) {
  const id = useId();
  // Formatting 400 offsets is slow: once per page, not per keystroke.
  const options = useMemo(() => timeZones().map((z) => <option key={z} value={z} label={withOffset(z)} />), []);
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium">
        Time zone
      </label>
      <input
        id={id}
        list={`${id}-zones`}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="mt-1 w-full max-w-md rounded border border-slate-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-500 dark:bg-slate-800"
      />
      <datalist id={`${id}-zones`} data-testid="time-zone-options">
        {options}
      </datalist>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
        Type part of a city or region and pick from the list.
      </p>
      {error && (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** Whether a typed zone is one the list offers (case-insensitive, so "europe/berlin" is fine). */
export function matchZone(typed: string): string | undefined {
  const t = typed.trim().toLowerCase();
  return timeZones().find((z) => z.toLowerCase() === t);
}
