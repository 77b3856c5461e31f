import { useEffect, useRef, useState } from 'react';
import type { Feedback, FeedbackInput, Verdict } from '@/lib/domain/feedback';
import { Section } from '../ui/section';
import { FeedbackForm, type VerdictKind } from './feedback-form';
import { LastVerdict } from './last-verdict';
import { errorMessage } from '../ui/error-message';

/** How long a rep can take a verdict back; nothing leaves the browser before then. */
export const UNDO_WINDOW_MS = 6000;

export type FeedbackActions = {
  /** Resolves to the stored verdict; `unchanged` when it was already the rep's current one. */
  submit: (input: FeedbackInput) => Promise<Feedback & { unchanged?: boolean }>;
  undo: (id: string) => Promise<void>;
};

type Props = {
  email: string;
  author?: string;
  last?: Feedback;
  actions: FeedbackActions;
  /** Marketing handed this lead over: sales may accept or reject the hand-off. */
  handedOff?: boolean;
};

const BUTTON = 'flex-1 rounded border px-2 py-1.5 text-sm font-medium';
const GOOD = `${BUTTON} border-emerald-600 text-emerald-700 hover:bg-emerald-50 dark:text-emerald-300 dark:hover:bg-emerald-950`;
const BAD = `${BUTTON} border-rose-600 text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950`;

/**
 * One-click verdicts: accept or reject a hand-off, or call the lead good or bad;
 * pick a reason, optionally a note, confirm. The rep's current verdict is shown,
 * and any button changes it; the same verdict again writes nothing.
 */
export function FeedbackPanel({ email, author, last, actions, handedOff = false }: Props) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [kind, setKind] = useState<VerdictKind>('quality');
  const [unchanged, setUnchanged] = useState(false);
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
  const formRef = useRef<HTMLFormElement>(null);
  const [focusNext, setFocusNext] = useState<'good' | 'bad' | 'undo' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    // Good lead is gone while a form is open: its first control stands in.
    const target =
      { good: goodRef, bad: badRef, undo: undoRef }[focusNext].current ?? formRef.current?.querySelector<HTMLElement>('input, button');
    target?.focus();
    setFocusNext(null);
  }, [focusNext]);

  useEffect(() => {
    setVerdict(null);
    setSaved(undefined);
    setUndoable(false);
    setUnchanged(false);
    setError(null);
  }, [email]);

  // Restarted by each verdict saved, so every one gets the whole window.
  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => {
      const undo = undoRef.current;
      if (undo && undo === undo.ownerDocument.activeElement) setFocusNext('good');
      setUndoable(false);
    }, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [undoable, saved]);

  // Counts forms opened and closed: a slow save finishing must not close a form opened after it.
  const formSeq = useRef(0);
  const open = (v: Verdict, k: VerdictKind) => {
    formSeq.current += 1;
    setKind(k);
    setVerdict(v);
    setUnchanged(false);
  };

  const submit = async (reasonId: string | undefined, note: string, recycleOn?: string) => {
    if (!verdict) return;
    const form = formSeq.current;
    setError(null);
    try {
      const stored = await actions.submit({
        email,
        verdict,
        reasonId,
        note: note || undefined,
        author,
        ...(kind === 'handoff' ? { kind } : {}),
        ...(recycleOn ? { recycleOn } : {}),
      });
      setSaved(stored);
      // The same verdict again is not written again, so there is nothing to undo.
      setUndoable(!stored.unchanged);
      if (form !== formSeq.current) return;
      setVerdict(null);
      setUnchanged(!!stored.unchanged);
      setFocusNext(stored.unchanged ? 'good' : 'undo');
    } catch (e) {
      setError(`Not saved: ${errorMessage(e)}`);
    }
  };

  // A double click would retract twice, and the second, finding nothing, would report a failure.
  const undoing = useRef(false);
  const undo = async () => {
    if (!saved || undoing.current) return;
    undoing.current = true;
    try {
      await actions.undo(saved.id);
      setRetractedId(saved.id);
      setSaved(undefined);
      setUndoable(false);
      setFocusNext('good');
    } catch (e) {
      setError(`Not undone: ${errorMessage(e)}`);
    } finally {
      undoing.current = false;
    }
  };

  return (
    <Section title="Lead quality" testId="feedback">
      {shown && !verdict && <LastVerdict feedback={shown} />}
      {unchanged && !verdict && (
        <p role="status" data-testid="verdict-unchanged" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          That is already your verdict: nothing new was written.
        </p>
      )}
      {undoable && saved && (
        <p role="status" className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          Saved.
          <button ref={undoRef} type="button" onClick={() => void undo()} className="font-medium text-sky-700 underline dark:text-sky-300">
            Undo
          </button>
        </p>
      )}
      {verdict ? (
        <FeedbackForm
          verdict={verdict}
          kind={kind}
          formRef={formRef}
          onCancel={() => {
            formSeq.current += 1;
            setFocusNext(verdict);
            setVerdict(null);
          }}
          onConfirm={submit}
        />
      ) : (
        <>
          {handedOff && (
            <div className="mt-2 flex gap-2" role="group" aria-label="Accept or reject the hand-off">
              <button type="button" onClick={() => open('good', 'handoff')} className={GOOD}>
                Accept hand-off
              </button>
              <button type="button" onClick={() => open('bad', 'handoff')} className={BAD}>
                Reject hand-off
              </button>
            </div>
          )}
          <div className="mt-2 flex gap-2" role="group" aria-label="Rate this lead">
            <button ref={goodRef} type="button" onClick={() => open('good', 'quality')} className={GOOD}>
              Good lead
            </button>
            <button ref={badRef} type="button" onClick={() => open('bad', 'quality')} className={BAD}>
              Bad lead
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </Section>
  );
}
