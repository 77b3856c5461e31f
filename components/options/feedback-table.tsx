import type { Feedback } from '@/lib/domain/feedback';
import { reasonLabel } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { formatDateTime } from '../format';

const STATE_LABELS: Record<Feedback['syncState'], string> = {
  local: 'Kept in this browser',
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

type Actions = { onRetry?: (id: string) => void; onDiscard?: (id: string) => void };

/** Every verdict, newest first: what marketing reads to learn which leads were any good. */
export function FeedbackTable({
  feedback,
  onRetry,
  onDiscard,
  reasons,
}: { feedback: Feedback[]; reasons?: readonly ReasonDefinition[] } & Actions) {
  if (feedback.length === 0) {
    return <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No feedback yet. Rate a lead from the sidebar in Gmail.</p>;
  }
  return (
    <table data-testid="feedback-table" className="mt-2 w-full text-left text-sm">
      <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
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
        {feedback.map((f) => (
          <tr key={f.id} data-testid="feedback-row" className="border-t border-slate-200 align-top dark:border-slate-700">
            <td className="py-1 pr-2 break-all">{f.email}</td>
            <td
              className={`py-1 pr-2 font-medium ${f.verdict === 'good' ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}
            >
              {f.verdict === 'good' ? 'Good' : 'Bad'}
            </td>
            <td className="py-1 pr-2">{reasonLabel(f.reasonId, reasons)}</td>
            <td className="py-1 pr-2 break-words">{f.note}</td>
            <td className="py-1 pr-2 whitespace-nowrap">
              {formatDateTime(f.createdAt)}
              <span className="block text-xs text-slate-500 dark:text-slate-400">{f.author}</span>
            </td>
            <td className="py-1">
              <span data-testid="sync-state">{STATE_LABELS[f.syncState]}</span>
              {f.syncError && <span className="block text-xs text-slate-500 dark:text-slate-400">{f.syncError}</span>}
              {f.syncState === 'failed' && (
                <span className="mt-1 flex gap-2 text-xs">
                  {onRetry && f.target && (
                    <button type="button" className="text-sky-700 underline dark:text-sky-300" onClick={() => onRetry(f.id)}>
                      Retry
                    </button>
                  )}
                  {onDiscard && (
                    <button type="button" className="text-slate-600 underline dark:text-slate-300" onClick={() => onDiscard(f.id)}>
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
  );
}
