import { useEffect, useRef, useState } from 'react';
import type { Feedback, FeedbackInput, Verdict } from '@/lib/domain/feedback';
import { Section } from '../ui/section';
import { FeedbackForm } from './feedback-form';
import { LastVerdict } from './last-verdict';
import { errorMessage } from '../ui/error-message';

/** How long a rep can take a verdict back; nothing leaves the browser before then. */
export const UNDO_WINDOW_MS = 6000;

export type FeedbackActions = {
  submit: (input: FeedbackInput) => Promise<Feedback>;
  undo: (id: string) => Promise<void>;
};

type Props = { email: string; author?: string; last?: Feedback; actions: FeedbackActions };

/** One-click lead-quality verdict: pick good or bad, a reason, optionally a note, confirm. */
export function FeedbackPanel({ email, author, last, actions }: Props) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [saved, setSaved] = useState<Feedback | undefined>(undefined);
  const [undoable, setUndoable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The context is re-read after an undo; until then, do not show the verdict just withdrawn.
  const [retractedId, setRetractedId] = useState<string | null>(null);
  const shown = saved ?? (last && last.id !== retractedId ? last : undefined);
  // The control a keyboard user pressed disappears with each step; focus goes to what replaced it.
  const goodRef = useRef<HTMLButtonElement>(null);
  const badRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<'good' | 'bad' | 'undo' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    ({ good: goodRef, bad: badRef, undo: undoRef })[focusNext].current?.focus();
    setFocusNext(null);
  }, [focusNext]);

  useEffect(() => {
    setVerdict(null);
    setSaved(undefined);
    setUndoable(false);
    setError(null);
  }, [email]);

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => setUndoable(false), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const submit = async (reasonId: string | undefined, note: string) => {
    if (!verdict) return;
    setError(null);
    try {
      const stored = await actions.submit({ email, verdict, reasonId, note: note || undefined, author });
      setSaved(stored);
      setVerdict(null);
      setUndoable(true);
      setFocusNext('undo');
    } catch (e) {
      setError(`Not saved: ${errorMessage(e)}`);
    }
  };

  const undo = async () => {
    if (!saved) return;
    try {
      await actions.undo(saved.id);
      setRetractedId(saved.id);
      setSaved(undefined);
      setUndoable(false);
      setFocusNext('good');
    } catch (e) {
      setError(`Not undone: ${errorMessage(e)}`);
    }
  };

  return (
    <Section title="Lead quality" testId="feedback">
      {shown && !verdict && <LastVerdict feedback={shown} />}
      {undoable && saved && (
        <p role="status" className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          Saved.
          <button ref={undoRef} type="button" onClick={undo} className="font-medium text-sky-700 underline dark:text-sky-300">
            Undo
          </button>
        </p>
      )}
      {verdict ? (
        <FeedbackForm
          verdict={verdict}
          onCancel={() => {
            setFocusNext(verdict);
            setVerdict(null);
          }}
          onConfirm={submit}
        />
      ) : (
        <div className="mt-2 flex gap-2" role="group" aria-label="Rate this lead">
          <button
            ref={goodRef}
            type="button"
            onClick={() => setVerdict('good')}
            className="flex-1 rounded border border-emerald-600 px-2 py-1.5 text-sm font-medium text-emerald-700 hover:bg-emerald-50 dark:text-emerald-300 dark:hover:bg-emerald-950"
          >
            Good lead
          </button>
          <button
            ref={badRef}
            type="button"
            onClick={() => setVerdict('bad')}
            className="flex-1 rounded border border-rose-600 px-2 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950"
          >
            Bad lead
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </Section>
  );
}
