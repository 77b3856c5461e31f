import { useTabs } from '../ui/use-tabs';
import type { Participant } from '@/lib/hosts/participants';
import type { ContextsState } from './use-contact-contexts';

/** What the background said of a person: a record, none, nothing yet, or the read failed. */
export type PersonState = 'record' | 'no-record' | 'loading' | 'unread';

// Said to screen readers after the name; the tab's look stays the same.
const SAID: Record<PersonState, string> = {
  record: '',
  'no-record': ' (no record)',
  loading: ' (loading)',
  unread: ' (could not be read)',
};

type Props = {
  participants: Participant[];
  selected: string;
  /** Someone missing here has no state named: "no record" only once the background said so. */
  states: ReadonlyMap<string, PersonState>;
  onSelect: (email: string) => void;
};

/** Picks which of the thread's external participants the sidebar shows. */
export function ContactSwitcher({ participants, selected, states, onSelect }: Props) {
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
        const said = SAID[states.get(p.email) ?? 'record'];
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
            {said && <span className="sr-only">{said}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** What the tabs say of each person, from the read so far: never "no record" before the background said so. */
export function personStates(state: ContextsState, emails: string[]): Map<string, PersonState> {
  const states = new Map<string, PersonState>();
  for (const email of emails) {
    const said = stateOf(state, email);
    if (said) states.set(email, said);
  }
  return states;
}

function stateOf(state: ContextsState, email: string): PersonState | undefined {
  if (state.status === 'error') return 'unread';
  if (state.status !== 'ready') return 'loading';
  const entry = state.contexts.get(email);
  // Left out of a finished read: nothing is known, so nothing is said.
  if (!entry) return state.pending ? 'loading' : undefined;
  if (entry.context) return 'record';
  return entry.error ? 'unread' : 'no-record';
}
