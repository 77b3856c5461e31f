import type { TimelineEntry } from '@/lib/domain/contact-context';
import { salesActivityWord } from '@/lib/domain/sales-activity';
import { formatDateTime } from '../format';
import { Section } from '../ui/section';
import { SourceNote, type SourceNoteProps } from './source-note';

// The latest few say whether sales is on it; the CRM holds the full log.
const SHOWN = 4;

/**
 * The activity's name as logged, after its type unless the name already says it: Salesforce's
 * email logging writes subjects as "Email: …", which would read "Email: Email: …", and an
 * activity without a subject is named by its type alone.
 */
function headline(type: string, name: string): { type?: string; name: string } {
  const n = name.toLowerCase();
  const t = type.toLowerCase();
  return n === t || n.startsWith(`${t}:`) ? { name } : { type, name };
}

/** Calls, emails and meetings sales logged for this contact, newest first, each by the CRM's own type for it ("Demo"). */
export function SalesActivityList({ activities, source }: { activities: readonly TimelineEntry[]; source?: SourceNoteProps }) {
  if (activities.length === 0) return null;
  return (
    <Section title={`Sales activity (${activities.length})`} testId="sales-activity" note={source && <SourceNote {...source} />}>
      <ul className="space-y-1">
        {activities.slice(0, SHOWN).map((a) => {
          const shown = headline(salesActivityWord(a).text, a.assetName);
          return (
            <li key={a.id} data-testid="sales-activity-entry" className="text-xs text-slate-700 dark:text-slate-200">
              {shown.type && (
                <>
                  <span className="font-medium">{shown.type}</span>:{' '}
                </>
              )}
              {shown.name}
              <span className="text-slate-500 dark:text-slate-400">
                {' '}
                · <time dateTime={a.date}>{formatDateTime(a.date)}</time>
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
