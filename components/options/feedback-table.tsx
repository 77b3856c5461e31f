import { useMemo, useState } from 'react';
import type { Feedback } from '@/lib/domain/feedback';
import { FEEDBACK_REASONS, reasonLabel } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { ListedFeedback } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { filterFeedback, NO_FILTER, type FeedbackFilter, type FeedbackSort } from './feedback-filters';

const STATE_LABELS: Record<Feedback['syncState'], string> = {
  local: 'Kept in this browser',
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

// A page a marketer reads without scrolling far; paging keeps 10,000 verdicts as light as 50.
export const PAGE_SIZE = 50;

type Actions = { onRetry?: (id: string) => void; onDiscard?: (id: string) => void };
const SELECT = 'mt-1 block rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-800';
const LINK = 'text-sky-800 underline disabled:text-slate-400 disabled:no-underline dark:text-sky-300';

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
}) {
  return (
    <label className="text-xs font-medium">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className={SELECT}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every verdict reps gave, with who the contact is: filter by verdict, reason, rep
 * and delivery state, sort, and page through. What marketing reads to learn which
 * leads were any good.
 */
export function FeedbackTable({
  feedback,
  onRetry,
  onDiscard,
  reasons = FEEDBACK_REASONS,
}: { feedback: ListedFeedback[]; reasons?: readonly ReasonDefinition[] } & Actions) {
  const [filter, setFilter] = useState<FeedbackFilter>(NO_FILTER);
  const [sort, setSort] = useState<FeedbackSort>('newest');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => filterFeedback(feedback, filter, sort), [feedback, filter, sort]);
  const reps = useMemo(() => [...new Set(feedback.map((f) => f.author).filter(Boolean))].sort(), [feedback]);
  const usedReasons = useMemo(() => [...new Set(feedback.map((f) => f.reasonId).filter((r): r is string => !!r))], [feedback]);

  if (feedback.length === 0) {
    return <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No feedback yet. Rate a lead from the sidebar in Gmail.</p>;
  }
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const set = (patch: Partial<FeedbackFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(0);
  };

  return (
    <div data-testid="feedback-list">
      <div role="group" aria-label="Filter and sort feedback" className="mt-2 flex flex-wrap items-end gap-3">
        <Select
          label="Verdict"
          value={filter.verdict}
          onChange={(v) => set({ verdict: v as FeedbackFilter['verdict'] })}
          options={[
            ['', 'All'],
            ['good', 'Good'],
            ['bad', 'Bad'],
          ]}
        />
        <Select
          label="Reason"
          value={filter.reason}
          onChange={(v) => set({ reason: v })}
          options={[['', 'All'], ...usedReasons.map((id): [string, string] => [id, reasonLabel(id, reasons)])]}
        />
        <Select
          label="Rep"
          value={filter.rep}
          onChange={(v) => set({ rep: v })}
          options={[['', 'All'], ...reps.map((r): [string, string] => [r, r])]}
        />
        <Select
          label="Sync state"
          value={filter.state}
          onChange={(v) => set({ state: v as FeedbackFilter['state'] })}
          options={[['', 'All'], ...Object.entries(STATE_LABELS)]}
        />
        <Select
          label="Sort by"
          value={sort}
          onChange={(v) => {
            setSort(v as FeedbackSort);
            setPage(0);
          }}
          options={[
            ['newest', 'Newest first'],
            ['oldest', 'Oldest first'],
            ['contact', 'Contact name'],
            ['rep', 'Rep'],
          ]}
        />
      </div>
      <p role="status" data-testid="feedback-count" className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        {shown.length === 0
          ? 'No feedback matches these filters.'
          : `Showing ${(current * PAGE_SIZE + 1).toLocaleString('en-US')}–${(current * PAGE_SIZE + rows.length).toLocaleString('en-US')} of ${shown.length.toLocaleString('en-US')}`}
      </p>
      {rows.length > 0 && (
        <table data-testid="feedback-table" className="mt-1 w-full text-left text-sm">
          <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Contact
              </th>
              <th scope="col" className="py-1 pr-2">
                Verdict
              </th>
              <th scope="col" className="py-1 pr-2">
                Reason
              </th>
              <th scope="col" className="py-1 pr-2">
                Note
              </th>
              <th scope="col" className="py-1 pr-2">
                Given
              </th>
              <th scope="col" className="py-1">
                State
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id} data-testid="feedback-row" className="border-t border-slate-200 align-top dark:border-slate-700">
                <td className="py-1 pr-2">
                  <span data-testid="feedback-contact" className="font-medium break-words">
                    {f.contactName || f.email}
                  </span>
                  {f.contactName && <span className="block text-xs break-all text-slate-600 dark:text-slate-300">{f.email}</span>}
                </td>
                <td
                  className={`py-1 pr-2 font-medium ${f.verdict === 'good' ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
                >
                  {f.verdict === 'good' ? 'Good' : 'Bad'}
                </td>
                <td className="py-1 pr-2">{reasonLabel(f.reasonId, reasons)}</td>
                <td className="py-1 pr-2 break-words">{f.note}</td>
                <td className="py-1 pr-2 whitespace-nowrap">
                  {formatDateTime(f.createdAt)}
                  <span className="block text-xs text-slate-600 dark:text-slate-300">{f.author}</span>
                </td>
                <td className="py-1">
                  <span data-testid="sync-state">{STATE_LABELS[f.syncState]}</span>
                  {f.syncError && <span className="block text-xs text-slate-600 dark:text-slate-300">{f.syncError}</span>}
                  {f.fieldProblem && (
                    <span data-testid="field-problem" className="block text-xs text-amber-800 dark:text-amber-300">
                      {f.fieldProblem}
                    </span>
                  )}
                  {f.syncState === 'failed' && (
                    <span className="mt-1 flex gap-2 text-xs">
                      {onRetry && f.target && (
                        <button type="button" className={LINK} onClick={() => onRetry(f.id)}>
                          Retry
                        </button>
                      )}
                      {onDiscard && (
                        <button type="button" className={LINK} onClick={() => onDiscard(f.id)}>
                          Keep local
                        </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Feedback pages" className="mt-2 flex items-center gap-3 text-sm">
          <button type="button" className={LINK} disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page
          </button>
          <span>
            Page {current + 1} of {pages.toLocaleString('en-US')}
          </span>
          <button type="button" className={LINK} disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
