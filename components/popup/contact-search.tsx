import { useEffect, useId, useState } from 'react';
import type { ContactSummary } from '@/lib/db/contact-repository';

type Props = { search: (query: string) => Promise<ContactSummary[]>; onPick: (email: string) => void };

// Long enough to skip most keystrokes of a fast typist, short enough to feel live.
const DEBOUNCE_MS = 150;

/** Looks up cached contacts by name, email or company as the user types. */
export function ContactSearch({ search, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[]>([]);
  // The query the current results answer; "no match" is only said once a search has returned.
  const [answered, setAnswered] = useState('');
  const inputId = useId();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const done = (r: ContactSummary[]) => {
        if (!current) return;
        setResults(r);
        setAnswered(q);
      };
      search(q).then(done, () => done([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  return (
    <div className="px-4 py-2">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        Look up a contact
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Name, email or company"
        className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      {results.length > 0 && (
        <ul data-testid="search-results" className="mt-1 max-h-48 overflow-y-auto rounded border border-slate-200 dark:border-slate-700">
          {results.map((r) => (
            <li key={r.email}>
              <button
                type="button"
                onClick={() => {
                  onPick(r.email);
                  setResults([]);
                }}
                className="block w-full px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span className="font-medium break-words">{r.name || r.email}</span>
                <span className="block text-xs break-words text-slate-500 dark:text-slate-400">
                  {[r.title, r.company].filter(Boolean).join(' · ') || r.email}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && answered === query.trim() && results.length === 0 && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">No cached contact matches.</p>
      )}
    </div>
  );
}
