import type { TeamScope } from '@/lib/team/team-source';
import { formatDateTime } from '../format';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Team: 412 verdicts by 9 reps, from HubSpot, as of Nov 20, 2026, 10:32 AM" (or "Mine: …"). */
export function scopeLine(scope: TeamScope): string {
  const who = scope.onlyMine ? 'Mine' : 'Team';
  const asOf = scope.asOf ? `, as of ${formatDateTime(scope.asOf)}` : '';
  return `${who}: ${plural(scope.verdicts, 'verdict')} by ${plural(scope.reps, 'rep')}, from ${scope.from}${asOf}`;
}

/** Whose verdicts the report counts, the switch to see only this rep's, and whose files are merged in. */
export function TeamScopeBar({ scope, onlyMine, onOnlyMine }: { scope: TeamScope; onlyMine: boolean; onOnlyMine: (v: boolean) => void }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-1">
      <p data-testid="team-scope" className="text-sm font-medium">
        {scopeLine(scope)}
      </p>
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          role="switch"
          checked={onlyMine}
          onChange={(e) => onOnlyMine(e.target.checked)}
          disabled={!scope.me && !onlyMine}
        />
        Only mine{scope.me ? ` (${scope.me})` : ''}
      </label>
      {scope.files && scope.files.length > 0 && (
        <ul data-testid="team-files" aria-label="Feedback files merged in" className="w-full text-xs text-slate-600 dark:text-slate-300">
          {/* Two reps' files may share a name (exports are named by day): the list is keyed by place. */}
          {scope.files.map((f, i) => (
            <li key={i}>
              {f.name}: {plural(f.verdicts, 'verdict')} by {f.authors.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
