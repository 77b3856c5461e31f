import { useMemo } from 'react';
import { IMPORT_FIELDS, columnIndexes, mapCells, type ColumnMapping } from '@/lib/import/fields';

/**
 * The first rows as Leadlight will read them under the current mapping, so a
 * wrong column shows up before 100,000 rows are written. Values are shown as the
 * file has them; dates and picklists are normalised during the import.
 */
export function ImportPreview({ headers, sample, mapping }: { headers: string[]; sample: string[][]; mapping: ColumnMapping }) {
  const { fields, rows } = useMemo(() => {
    const indexes = columnIndexes(headers, mapping);
    const used = IMPORT_FIELDS.filter((f) => indexes.some(([k]) => k === f.key));
    return { fields: used, rows: sample.map((cells) => mapCells(cells, indexes)) };
  }, [headers, sample, mapping]);

  if (fields.length === 0) return <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">No column is mapped yet.</p>;
  return (
    <div className="mt-3 max-h-80 overflow-auto rounded border border-slate-200 dark:border-slate-700">
      <table data-testid="import-preview" className="w-full text-left text-xs">
        <caption className="px-2 py-1 text-left text-sm font-medium">Preview of the first {rows.length} rows</caption>
        <thead className="text-slate-500 uppercase dark:text-slate-400">
          <tr>
            {fields.map((f) => (
              <th key={f.key} scope="col" className="px-2 py-1 whitespace-nowrap">
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-testid="import-preview-row" className="border-t border-slate-200 align-top dark:border-slate-700">
              {fields.map((f) => (
                <td key={f.key} className="max-w-48 truncate px-2 py-1" title={row[f.key]}>
                  {row[f.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
