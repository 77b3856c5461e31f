import type { RepQueue } from '@/lib/team/rep-queue';
import { formatInstant } from '../format';

/**
 * The rep's hand-offs waiting for a first touch, overdue first, then due soon; the
 * toolbar badge counts the overdue ones. Choosing one opens its context below.
 */
export function RepQueueList({ queue, onOpen }: { queue: RepQueue; onOpen: (email: string) => void }) {
  if (!queue.items.length) return null;
  const whose = queue.ownerless
    ? 'Hand-offs (the data does not say whose they are)'
    : queue.owner
      ? 'Your hand-offs'
      : 'Hand-offs (set your name in Settings to see only yours)';
  return (
    <section aria-labelledby="queue-heading" data-testid="rep-queue" className="border-b border-slate-200 px-4 py-2 dark:border-slate-700">
      <h2 id="queue-heading" className="text-xs font-semibold">
        {whose}: {queue.overdue} overdue, {queue.dueSoon} due soon
      </h2>
      <ul className="mt-1 max-h-48 overflow-y-auto text-xs">
        {queue.items.map((item) => (
          <li key={item.email}>
            <button
              type="button"
              data-testid="queue-item"
              onClick={() => onOpen(item.email)}
              className="flex w-full justify-between gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <span className="truncate">
                {item.name ?? item.email}
                {item.company ? ` · ${item.company}` : ''}
              </span>
              <span
                className={
                  item.state === 'overdue' ? 'shrink-0 text-rose-700 dark:text-rose-300' : 'shrink-0 text-amber-700 dark:text-amber-300'
                }
                // A due time is a computed instant: one at midnight UTC keeps its time of day.
                title={`Due ${formatInstant(item.dueAt)}`}
              >
                {item.state === 'overdue' ? `overdue ${item.duration}` : item.duration ? `due in ${item.duration}` : 'due as work starts'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
