import type { Feedback } from '@/lib/domain/feedback';
import { reasonLabel } from '@/lib/domain/feedback-reasons';
import { useReasons } from './reasons-context';
import { formatDate, formatDateTime } from '../format';

const SYNC_LABELS: Record<Feedback['syncState'], string> = {
  local: 'Saved in this browser',
  pending: 'Waiting to send',
  sending: 'Sending…',
  sent: 'Sent to marketing',
  failed: 'Sending failed',
};

/** The words for a verdict of either kind. */
export function verdictWords(f: Pick<Feedback, 'verdict' | 'kind'>): string {
  if (f.kind === 'handoff') return f.verdict === 'good' ? 'Hand-off accepted' : 'Hand-off rejected';
  return f.verdict === 'good' ? 'Good lead' : 'Bad lead';
}

/**
 * The rep's current verdict on this contact, so nobody rates twice by accident; it
 * says whether it reached the CRM and that picking again changes it.
 */
export function LastVerdict({ feedback }: { feedback: Feedback }) {
  const reasons = useReasons();
  const good = feedback.verdict === 'good';
  return (
    <div data-testid="last-verdict" className="text-sm text-slate-800 dark:text-slate-100">
      <p>
        <span className={good ? 'font-semibold text-emerald-700 dark:text-emerald-300' : 'font-semibold text-rose-700 dark:text-rose-300'}>
          {verdictWords(feedback)}
        </span>
        {feedback.reasonId && <span> · {reasonLabel(feedback.reasonId, reasons)}</span>}
        {feedback.recycleOn && <span> until {formatDate(`${feedback.recycleOn}T12:00:00`)}</span>}
      </p>
      {feedback.note && <p className="text-xs break-words text-slate-600 dark:text-slate-300">“{feedback.note}”</p>}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatDateTime(feedback.createdAt)} · {SYNC_LABELS[feedback.syncState]}
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">Pick again below to change it; the new verdict replaces this one.</p>
    </div>
  );
}
