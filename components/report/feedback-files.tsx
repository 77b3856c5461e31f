import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { FeedbackFileResult } from '@/lib/team/feedback-file';
import { errorMessage } from '../ui/error-message';

export type FeedbackFilesApi = Pick<PageApi, 'mergeFeedbackFile'>;

/**
 * Without a CRM, a marketer merges the feedback files reps exported ("Download all
 * feedback as CSV"). Each verdict counts once by its feedback id, however the files
 * overlap; the scope line then lists whose files are in.
 */
export function FeedbackFiles({ api, onMerged }: { api: FeedbackFilesApi; onMerged: () => void }) {
  const [results, setResults] = useState<(FeedbackFileResult | { name: string; error: string })[]>([]);
  const [busy, setBusy] = useState(false);
  const merge = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const done: typeof results = [];
    // One at a time, so each file's duplicates are counted against the files before it.
    for (const file of Array.from(files)) {
      try {
        done.push(await api.mergeFeedbackFile(file.name, await file.text()));
      } catch (e) {
        done.push({ name: file.name, error: errorMessage(e) });
      }
    }
    setResults(done);
    setBusy(false);
    onMerged();
  };
  return (
    <div className="mt-2 text-sm" data-testid="feedback-files">
      <label className="font-medium">
        Merge reps’ feedback files (CSV from “Download all feedback as CSV”):{' '}
        <input type="file" accept=".csv,text/csv" multiple disabled={busy} onChange={(e) => void merge(e.target.files)} />
      </label>
      {results.length > 0 && (
        <ul role="status" className="mt-1 text-xs text-slate-700 dark:text-slate-300">
          {/* Files of the same name may be merged together (two reps' exports of one day). */}
          {results.map((r, i) =>
            'error' in r ? (
              <li key={i} className="text-red-700 dark:text-red-300">
                {r.name}: {r.error}
              </li>
            ) : (
              <li key={i}>
                {r.name}: {r.verdicts.toLocaleString('en-US')} verdicts by {r.authors.join(', ') || 'nobody'}
                {r.duplicates ? `, ${r.duplicates.toLocaleString('en-US')} already in` : ''}
                {r.skipped.length ? `; rows left out: ${r.skipped.map((s) => `line ${s.line} (${s.reason})`).join(', ')}` : ''}
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
