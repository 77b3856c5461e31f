import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { REASON_GROUP_LABELS, reasonsFor, type Verdict } from '@/lib/domain/feedback-reasons';
import { useReasons } from './reasons-context';

export type VerdictKind = 'quality' | 'handoff';

type Props = {
  verdict: Verdict;
  /** A hand-off decision: rejecting offers the rejection reasons only. */
  kind?: VerdictKind;
  onCancel: () => void;
  onConfirm: (reasonId: string | undefined, note: string, recycleOn?: string) => Promise<void>;
  /** A prop rather than `ref`: function components take `ref` only through forwardRef. */
  formRef?: Ref<HTMLFormElement>;
};

/** Three months from today, as a date input wants it: when a recycled lead usually comes back. */
function inThreeMonths(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 3);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const CONFIRM: Record<VerdictKind, Record<Verdict, string>> = {
  quality: { good: 'Confirm good lead', bad: 'Confirm bad lead' },
  handoff: { good: 'Confirm accept', bad: 'Confirm reject' },
};

/**
 * Reason and note for a verdict; bad leads need a reason, good ones may carry one.
 * A reason that carries a date ("Recycle to nurture") asks for it.
 */
export function FeedbackForm({ verdict, kind = 'quality', onCancel, onConfirm, formRef }: Props) {
  const [reasonId, setReasonId] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [recycleOn, setRecycleOn] = useState(inThreeMonths);
  const noteId = useId();
  const dateId = useId();
  // The buttons that opened this form are gone: a bad lead starts at its first reason, a good
  // one at Confirm (no reason needed). Focused on mount rather than by `autoFocus`, which
  // Preact (the sidebar frame's renderer) leaves to the browser, and browsers honour only once per page.
  const firstReason = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => (verdict === 'bad' ? firstReason : confirm).current?.focus(), [verdict]);
  // Rejecting a hand-off means sales never made contact: only the rejection reasons fit.
  const reasons = reasonsFor(verdict, useReasons()).filter((r) => kind === 'quality' || verdict === 'good' || r.group === 'rejection');
  const groups = [...new Set(reasons.map((r) => r.group))];
  const dated = reasons.find((r) => r.id === reasonId)?.carriesDate === true;
  const canConfirm = !busy && (verdict === 'good' || !!reasonId) && (!dated || /^\d{4}-\d{2}-\d{2}$/.test(recycleOn));

  return (
    <form
      ref={formRef}
      data-testid="feedback-form"
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canConfirm) return;
        setBusy(true);
        // onConfirm reports its own failure in the panel; the form only waits for it.
        void onConfirm(reasonId, note.trim(), dated ? recycleOn : undefined).finally(() => setBusy(false));
      }}
    >
      {groups.map((group, g) => (
        <fieldset key={group}>
          <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">{REASON_GROUP_LABELS[group]}</legend>
          <div className="mt-1 flex flex-wrap gap-1">
            {reasons
              .filter((r) => r.group === group)
              .map((r, i) => (
                <label
                  key={r.id}
                  className="cursor-pointer rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700 has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50 dark:border-slate-600 dark:text-slate-200 dark:has-[:checked]:bg-sky-950"
                >
                  <input
                    type="radio"
                    name="reason"
                    value={r.id}
                    checked={reasonId === r.id}
                    onChange={() => setReasonId(r.id)}
                    ref={g === 0 && i === 0 ? firstReason : undefined}
                    className="mr-1 align-middle"
                  />
                  {r.label}
                </label>
              ))}
          </div>
        </fieldset>
      ))}
      {dated && (
        <div>
          <label htmlFor={dateId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
            Nurture until
          </label>
          <input
            id={dateId}
            type="date"
            required
            value={recycleOn}
            onChange={(e) => setRecycleOn(e.target.value)}
            className="rounded border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          />
        </div>
      )}
      <label htmlFor={noteId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        Note for marketing (optional)
      </label>
      <textarea
        id={noteId}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        className="w-full rounded border border-slate-300 bg-white p-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!canConfirm}
          ref={confirm}
          className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
        >
          {CONFIRM[kind][verdict]}
        </button>
        <button type="button" onClick={onCancel} className="rounded px-3 py-1 text-sm text-slate-700 dark:text-slate-200">
          Cancel
        </button>
      </div>
    </form>
  );
}
