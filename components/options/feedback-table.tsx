import type { Feedback } from '@/lib/domain/feedback';
import { reasonLabel } from '@/lib/domain/feedback-reasons';
import { formatDateTime } from '../format';

/** Every verdict, newest first: what marketing reads to learn which leads were any good. */
export function FeedbackTable({ feedback }: { feedback: Feedback[] }) {
  if (feedback.length === 0) {
    return <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No feedback yet. Rate a lead from the sidebar in Gmail.</p>;
  }
  return (
    <table data-testid="feedback-table" className="mt-2 w-full text-left text-sm">
      <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th scope="col" className="py-1 pr-2">Contact</th>
          <th scope="col" className="py-1 pr-2">Verdict</th>
          <th scope="col" className="py-1 pr-2">Reason</th>
          <th scope="col" className="py-1 pr-2">Note</th>
          <th scope="col" className="py-1 pr-2">Given</th>
          <th scope="col" className="py-1">State</th>
        </tr>
      </thead>
      <tbody>
        {feedback.map((f) => (
          <tr key={f.id} data-testid="feedback-row" className="border-t border-slate-200 align-top dark:border-slate-700">
            <td className="py-1 pr-2 break-all">{f.email}</td>
            <td className={`py-1 pr-2 font-medium ${f.verdict === 'good' ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}>
              {f.verdict === 'good' ? 'Good' : 'Bad'}
            </td>
            <td className="py-1 pr-2">{reasonLabel(f.reasonId)}</td>
            <td className="py-1 pr-2 break-words">{f.note}</td>
            <td className="py-1 pr-2 whitespace-nowrap">
              {formatDateTime(f.createdAt)}
              <span className="block text-xs text-slate-500 dark:text-slate-400">{f.author}</span>
            </td>
            <td className="py-1">{f.syncState}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
