import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
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
  // Enter pressed before the query typed last was answered: picks that answer's first result.
  const pickOnAnswer = useRef(false);
  // The search effect picks too (see pickOnAnswer): through a ref, so a new onPick each render does not search again.
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });
  const inputId = useId();
  const listId = useId();

  const pick = useCallback((email: string) => {
    pickOnAnswer.current = false;
    onPickRef.current(email);
    setResults([]);
    setActive(-1);
    setAnswered('');
  }, []);

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
        if (pickOnAnswer.current && r[0]) return pick(r[0].email);
        pickOnAnswer.current = false;
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
  }, [query, search, pick]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The results on screen answer an earlier query until the new one returns (a pasted address,
    // fast typing): Enter then waits for it rather than opening someone else.
    if (e.key === 'Enter' && active === -1 && query.trim() && answered !== query.trim()) {
      e.preventDefault();
      pickOnAnswer.current = true;
      return;
    }
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
        onChange={(e) => {
          setQuery(e.target.value);
          // A row chosen with the arrows belongs to the query before this keystroke.
          setActive(-1);
        }}
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
