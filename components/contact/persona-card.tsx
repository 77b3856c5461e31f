import type { PersonaMatch, RuleResult } from '@/lib/domain/persona';
import { Section } from '../ui/section';
import { SourceNote, type SourceNoteProps } from './source-note';

const MARK: Record<RuleResult['outcome'], { sign: string; className: string; said: string }> = {
  met: { sign: '✓', className: 'text-emerald-700 dark:text-emerald-400', said: 'met' },
  unmet: { sign: '✗', className: 'text-slate-500 dark:text-slate-400', said: 'not met' },
  unknown: { sign: '?', className: 'text-amber-700 dark:text-amber-400', said: 'unknown' },
};

function RuleList({ match }: { match: PersonaMatch }) {
  return (
    <ul className="mt-2 space-y-1" aria-label={`Why, for ${match.personaName}`}>
      {match.rules.map((r, i) => {
        const outcome = r.outcome ?? (r.matched ? 'met' : 'unmet');
        const mark = MARK[outcome];
        return (
          <li
            key={`${r.kind}-${i}`}
            data-testid="persona-rule"
            data-outcome={outcome}
            className="flex gap-2 text-xs text-slate-700 dark:text-slate-200"
          >
            <span aria-hidden="true" className={mark.className}>
              {mark.sign}
            </span>
            <span>
              <span className="font-medium">{r.label}:</span> {r.detail}
              <span className="sr-only"> ({mark.said})</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The persona that fits, or — when none reaches its threshold — "No persona fits
 * well" with the closest one, so a weak match never reads as a fit. The score is
 * over the rules the record allowed to judge, and says how many that was.
 */
export function PersonaCard({ matches, source }: { matches: PersonaMatch[]; source?: SourceNoteProps }) {
  const [best, ...others] = matches;
  const fits = !!best && (best.fits ?? best.score >= 50);
  return (
    <Section title="Persona match" testId="persona-match" note={source && <SourceNote {...source} />}>
      {!best ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No personas are defined.</p>
      ) : (
        <>
          {!fits && (
            <p data-testid="persona-no-fit" className="text-sm font-medium text-slate-900 dark:text-slate-50">
              No persona fits well
            </p>
          )}
          <p className="flex items-baseline justify-between gap-2">
            <span className={fits ? 'text-sm font-medium text-slate-900 dark:text-slate-50' : 'text-xs text-slate-700 dark:text-slate-200'}>
              {!fits && 'Closest: '}
              <span data-testid="persona-name">{best.personaName}</span>
            </span>
            <span
              data-testid="persona-score"
              className={fits ? 'text-sm font-semibold text-sky-800 dark:text-sky-300' : 'text-xs text-slate-700 dark:text-slate-200'}
            >
              {best.score}/100
            </span>
          </p>
          <meter
            className="mt-1 h-2 w-full"
            min={0}
            max={100}
            low={best.threshold ?? 50}
            optimum={100}
            value={best.score}
            aria-label={`Match score ${best.score} of 100`}
          />
          {best.ruleCount !== undefined && (
            <p data-testid="persona-judged" className="text-xs text-slate-600 dark:text-slate-300">
              Scored on {best.judged} of {best.ruleCount} {best.ruleCount === 1 ? 'rule' : 'rules'}
              {best.judged < best.ruleCount ? '; the record lacks data for the rest' : ''}.{fits ? '' : ` A fit needs ${best.threshold}.`}
            </p>
          )}
          <RuleList match={best} />
          {others.length > 0 && (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
              Also: {others.map((o) => `${o.personaName} ${o.score}`).join(' · ')}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
