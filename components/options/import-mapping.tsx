import { memo } from 'react';
import { FIELD_GROUP_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@/lib/import/fields';

const GROUPS = Object.keys(FIELD_GROUP_LABELS) as (keyof typeof FIELD_GROUP_LABELS)[];

/**
 * One select per Leadlight field, choosing the file column that feeds it. The
 * preset fills these in; people fix the odd renamed column here rather than
 * editing a 100 MB export in Excel. Memoized: during an import the panel renders
 * for every progress step, and 37 selects of every column were most of that work.
 */
export const ImportMapping = memo(function ImportMapping({
  headers,
  mapping,
  onChange,
  disabled,
}: {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (field: ImportField, column: string) => void;
  disabled?: boolean;
}) {
  const mapped = IMPORT_FIELDS.filter((f) => mapping[f.key]).length;
  return (
    <details open className="mt-3 rounded border border-slate-200 p-2 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium">
        Column mapping ({mapped} of {IMPORT_FIELDS.length} fields from the file)
      </summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {GROUPS.map((group) => (
          <fieldset key={group} className="min-w-0">
            <legend className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              {FIELD_GROUP_LABELS[group]}
            </legend>
            {IMPORT_FIELDS.filter((f) => f.group === group).map((f) => (
              <label key={f.key} className="mt-1 flex items-center justify-between gap-2 text-sm">
                <span className="shrink-0">{f.label}</span>
                <select
                  value={mapping[f.key] ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange(f.key, e.target.value)}
                  className="w-36 min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800"
                >
                  <option value="">— not imported —</option>
                  {headers.map((h, i) => (
                    <option key={`${i}-${h}`} value={h}>
                      {h || `(column ${i + 1})`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
});
