import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ContactSummary } from '@/lib/search/contact-index';

type Props = { search: (query: string) => Promise<ContactSummary[]>; onPick: (email: string) => void };

// Long enough to skip most keystrokes of a fast typist, short enough to feel live.
const DEBOUNCE_MS = 150;

/**
 * Looks up cached contacts by name, email or company as the user types. A combobox:
 * the box keeps focus while Up / Down move through the results and Enter picks one.
 */
export function ContactSearch({ search, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[]>([]);
  const [active, setActive] = useState(-1);
  // The query the current results answer; "no match" is only said once a search has returned,
  // and not after a pick (the picked contact's card answers it).
  const [answered, setAnswered] = useState('');
  const inputId = useId();
  const listId = useId();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setActive(-1);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const done = (r: ContactSummary[]) => {
        if (!current) return;
        setResults(r);
        setActive(-1);
        setAnswered(q);
      };
      search(q).then(done, () => done([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const pick = (email: string) => {
    onPick(email);
    setResults([]);
    setActive(-1);
    setAnswered('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + results.length) % results.length);
    } else if (e.key === 'Enter') {
      const chosen = results[active === -1 ? 0 : active];
      if (chosen) {
        e.preventDefault();
        pick(chosen.email);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setResults([]);
      setActive(-1);
      setAnswered('');
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const open = results.length > 0;
  return (
    <div className="px-4 py-2">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700 dark:text-slate-200">
        Look up a contact
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        // The reason the popup was opened: type straight away.
        autoFocus
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Name, email or company"
        className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-800"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching contacts"
        data-testid="search-results"
        hidden={!open}
        className="mt-1 max-h-48 overflow-y-auto rounded border border-slate-200 dark:border-slate-700"
      >
        {results.map((r, i) => (
          <li
            key={r.email}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onClick={() => pick(r.email)}
            // Keeps focus in the box: a click picks without the box losing its caret first.
            onMouseDown={(e) => e.preventDefault()}
            className={`block w-full cursor-pointer px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
              i === active ? 'bg-sky-100 dark:bg-sky-900' : ''
            }`}
          >
            <span className="font-medium break-words">{r.name || r.email}</span>
            <span className="block text-xs break-words text-slate-600 dark:text-slate-300">
              {[r.title, r.company].filter(Boolean).join(' · ') || r.email}
            </span>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && answered === query.trim() && results.length === 0 && (
        <p role="status" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          No cached contact matches.
        </p>
      )}
    </div>
  );
}
