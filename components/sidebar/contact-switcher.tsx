import { useTabs } from '../ui/use-tabs';
import type { Participant } from '@/lib/hosts/participants';

type Props = {
  participants: Participant[];
  selected: string;
  known: ReadonlySet<string>;
  /** Still being read: whether they have a record is not known yet. */
  reading?: ReadonlySet<string>;
  onSelect: (email: string) => void;
};

/** Picks which of the thread's external participants the sidebar shows. */
export function ContactSwitcher({ participants, selected, known, reading, onSelect }: Props) {
  const tabs = useTabs(
    participants.map((p) => p.email),
    selected,
    onSelect,
  );
  return (
    <div
      role="tablist"
      aria-label="People in this thread"
      data-testid="contact-switcher"
      onKeyDown={tabs.onKeyDown}
      className="flex flex-wrap gap-1 px-4 pt-3"
    >
      {participants.map((p) => {
        const active = p.email === selected;
        return (
          <button
            key={p.email}
            type="button"
            {...tabs.tabProps(p.email)}
            title={p.email}
            className={`max-w-full truncate rounded-full border px-2 py-0.5 text-xs ${
              active
                ? 'border-sky-700 bg-sky-700 text-white'
                : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            {p.name || p.email}
            {reading?.has(p.email) ? (
              <span className="sr-only"> (loading)</span>
            ) : (
              !known.has(p.email) && <span className="sr-only"> (no record)</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
