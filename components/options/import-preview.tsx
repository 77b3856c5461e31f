import { memo, useMemo } from 'react';
import { IMPORT_FIELDS, columnIndexes, mapCells, type ColumnMapping } from '@/lib/import/fields';

/** Sample rows shown side by side; each is a column, so a few fit any width. */
export const PREVIEW_ROWS = 3;

/**
 * The first rows as Leadlight will read them under the current mapping, so a
 * wrong column shows up before 100,000 rows are written. One line per Leadlight
 * field and one column per sample row: an export has dozens of columns, and a
 * table as wide as the file hid the ones past the right edge behind a scrollbar
 * few people noticed. This one fits the page and grows downwards. Values are
 * shown as the file has them; dates and picklists are normalised during the import.
 * Memoized, as the mapping is: its props do not change while the import runs.
 */
export const ImportPreview = memo(function ImportPreview({
  headers,
  sample,
  mapping,
}: {
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
}) {
  const { fields, rows } = useMemo(() => {
    const indexes = columnIndexes(headers, mapping);
    const used = IMPORT_FIELDS.filter((f) => indexes.some(([k]) => k === f.key));
    return { fields: used, rows: sample.slice(0, PREVIEW_ROWS).map((cells) => mapCells(cells, indexes)) };
  }, [headers, sample, mapping]);

  if (fields.length === 0) return <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">No column is mapped yet.</p>;
  return (
    <div className="mt-3 rounded border border-slate-200 dark:border-slate-700">
      <table data-testid="import-preview" className="w-full table-fixed text-left text-xs">
        <caption className="px-2 py-1 text-left text-sm font-medium">
          Preview of the first {rows.length} row{rows.length === 1 ? '' : 's'}, one per column
        </caption>
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="w-32 px-2 py-1">
              Leadlight field
            </th>
            <th scope="col" className="w-32 px-2 py-1">
              Column in the file
            </th>
            {rows.map((_, i) => (
              <th key={i} scope="col" className="px-2 py-1">
                Row {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.key} data-testid="import-preview-field" className="border-t border-slate-200 align-top dark:border-slate-700">
              <th scope="row" className="px-2 py-1 font-medium">
                {f.label}
              </th>
              <td className="px-2 py-1 break-words text-slate-500 dark:text-slate-400">{mapping[f.key]}</td>
              {rows.map((row, i) => (
                // Long values wrap (emails and URLs anywhere), so no cell pushes the table wider than the page.
                <td key={i} className="px-2 py-1 break-words [overflow-wrap:anywhere]">
                  {row[f.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
