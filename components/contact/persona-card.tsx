import type { PersonaMatch } from '@/lib/domain/persona';
import { Section } from '../ui/section';

/** The best-fitting persona, its score, and each rule that did or did not hold. */
export function PersonaCard({ matches }: { matches: PersonaMatch[] }) {
  const [best, ...others] = matches;
  return (
    <Section title="Persona match" testId="persona-match">
      {!best ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No personas are defined.</p>
      ) : (
        <>
          <p className="flex items-baseline justify-between gap-2">
            <span data-testid="persona-name" className="text-sm font-medium text-slate-900 dark:text-slate-50">
              {best.personaName}
            </span>
            <span data-testid="persona-score" className="text-sm font-semibold text-sky-700 dark:text-sky-300">
              {best.score}/100
            </span>
          </p>
          <meter className="mt-1 h-2 w-full" min={0} max={100} value={best.score} aria-label={`Match score ${best.score} of 100`} />
          <ul className="mt-2 space-y-1" aria-label="Why">
            {best.rules.map((r) => (
              <li key={r.kind} className="flex gap-2 text-xs text-slate-700 dark:text-slate-200">
                <span aria-hidden="true" className={r.matched ? 'text-emerald-600' : 'text-slate-400'}>
                  {r.matched ? '✓' : '✗'}
                </span>
                <span>
                  <span className="font-medium">{r.label}:</span> {r.detail}
                  <span className="sr-only">{r.matched ? ' (matched)' : ' (not matched)'}</span>
                </span>
              </li>
            ))}
          </ul>
          {others.length > 0 && (
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              Also: {others.map((o) => `${o.personaName} ${o.score}`).join(' · ')}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
