import type { DataSummary } from '@/lib/messaging/protocol';
import { BUTTON } from './field';

const n = (v: number) => v.toLocaleString('en-US');
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** Whether replacing this data loses anything: demo data comes back with one click, an empty cache has nothing. */
export function replaceNeedsConfirm(summary: DataSummary | null): boolean {
  return !!summary && !summary.demo && summary.contacts > 0;
}

/** What replacing the cache removes, in one sentence, and that feedback stays. */
export function replaceConsequence(s: DataSummary): string {
  return (
    `This removes ${plural(s.contacts, 'contact')}, ${plural(s.touches, 'campaign touch', 'campaign touches')} and ${plural(s.campaigns, 'campaign')} ` +
    `from “${s.sourceName}” in this browser. ` +
    `${s.feedback > 0 ? `The ${plural(s.feedback, 'verdict')} you have given ${s.feedback === 1 ? 'is' : 'are'} kept.` : 'Feedback is never removed.'}`
  );
}

/**
 * Asks before data is replaced and says what will be lost. Shown in place (not a
 * browser dialog) so it can be read, tabbed through and tested like the rest.
 */
export function ReplaceConfirm({
  summary,
  action,
  onConfirm,
  onCancel,
}: {
  summary: DataSummary;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="replace-title"
      aria-describedby="replace-detail"
      className="mt-2 rounded border border-amber-400 p-2 text-sm dark:border-amber-700"
    >
      <p id="replace-title" className="font-medium">
        Replace the current data?
      </p>
      <p id="replace-detail" data-testid="replace-detail">
        {replaceConsequence(summary)}
      </p>
      <button type="button" className={`${BUTTON} border-amber-600`} onClick={onConfirm} autoFocus>
        {action}
      </button>
      <button type="button" className={BUTTON} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
