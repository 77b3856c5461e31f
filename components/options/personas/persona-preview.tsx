import type { PersonaPreviewRow } from '@/lib/messaging/protocol';

/** "72 → 85 (+13)": the saved score, the draft's, and the change. */
export function scoreChange(row: Pick<PersonaPreviewRow, 'score' | 'savedScore'>): string {
  if (row.savedScore === null) return `${row.score} (new persona)`;
  const diff = row.score - row.savedScore;
  if (diff === 0) return `${row.score} (no change)`;
  return `${row.savedScore} → ${row.score} (${diff > 0 ? '+' : '−'}${Math.abs(diff)})`;
}

/** The best-fitting cached contacts under the draft, beside their saved scores. */
export function PersonaPreview({
  rows,
  state,
  error,
}: {
  rows: PersonaPreviewRow[] | null;
  state: 'idle' | 'invalid' | 'loading' | 'ready';
  error: string | null;
}) {
  return (
    <section aria-labelledby="persona-preview-heading" className="mt-4" data-testid="persona-preview">
      <h4 id="persona-preview-heading" className="font-semibold">
        Preview <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· Not saved yet</span>
      </h4>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The best-matching contacts in the cache as this draft would score them, beside their saved score.
      </p>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {state === 'invalid' && !error && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Complete the rules to see a preview.</p>
      )}
      <p role="status" className="sr-only">
        {state === 'loading' ? 'Updating preview…' : ''}
      </p>
      {rows && rows.length === 0 && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">No contacts in the cache to score.</p>}
      {rows && rows.length > 0 && (
        <table data-testid="persona-preview-table" className={`mt-2 w-full text-left text-sm ${state === 'loading' ? 'opacity-60' : ''}`}>
          <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Contact
              </th>
              <th scope="col" className="py-1 pr-2">
                Company
              </th>
              <th scope="col" className="py-1 pr-2">
                Draft score
              </th>
              <th scope="col" className="py-1">
                Saved → draft
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const diff = r.savedScore === null ? 0 : r.score - r.savedScore;
              return (
                <tr key={r.email} data-testid="persona-preview-row" className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-1 pr-2 break-all">{r.name ?? r.email}</td>
                  <td className="py-1 pr-2">{r.company ?? ''}</td>
                  <td className="py-1 pr-2 font-medium">{r.score}</td>
                  <td
                    data-testid="persona-preview-change"
                    className={`py-1 ${diff > 0 ? 'text-emerald-700 dark:text-emerald-300' : diff < 0 ? 'text-rose-700 dark:text-rose-300' : ''}`}
                  >
                    {scoreChange(r)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
