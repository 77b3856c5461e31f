import type { FirstTouchView, SlaView } from '@/lib/domain/contact-context';
import { salesActivityWord } from '@/lib/domain/sales-activity';
import { formatDate, formatDateTime, formatInstant } from '../format';

const LOOK: Record<SlaView['state'], { label: string; className: string }> = {
  on_time: { label: 'On time', className: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200' },
  due_soon: { label: 'Due soon', className: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
  overdue: { label: 'Overdue', className: 'bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200' },
  met: { label: 'SLA met', className: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200' },
  missed: { label: 'SLA missed', className: 'bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200' },
};

const HOSTS = { gmail: 'Gmail', outlook: 'Outlook' } as const;

/** Where the first touch is known from, so a rep can tell a logged call from their own email. */
function origin(first: FirstTouchView | undefined): string {
  switch (first?.via) {
    case 'logged': {
      // "Demo logged in Salesforce: Product walkthrough" in the CRM's own word; Leadlight's words (for activities
      // stored before the CRM's was kept) mid-sentence: "call logged: …". An import's or the demo's says only "logged".
      const word = salesActivityWord({ assetType: first.activity, assetCategory: first.category });
      const what = word.leadlight ? word.text.toLowerCase() : word.text;
      const named = first.label.toLowerCase() === word.text.toLowerCase() ? '' : `: ${first.label}`;
      return ` · ${what} logged${first.source ? ` in ${first.source}` : ''}${named}`;
    }
    case 'seen':
      return ` · your email, seen in ${HOSTS[first.host]}`;
    default:
      return '';
  }
}

function detail(sla: SlaView): string {
  const first = sla.firstTouch;
  switch (sla.state) {
    case 'on_time':
    case 'due_soon':
      // Due times are computed instants: one at midnight UTC is a time of day like any other.
      return sla.duration
        ? `first touch due in ${sla.duration} (${formatInstant(sla.dueAt)})`
        : `first touch due by ${formatInstant(sla.dueAt)}`;
    case 'overdue':
      return `first touch overdue by ${sla.duration} (was due ${formatInstant(sla.dueAt)})`;
    case 'met':
      if (first?.via === 'status') return `met (time not recorded): lead status “${first.status}”`;
      if (first?.via === 'last_activity') return `met (time not recorded): last activity ${formatDate(first.at)}`;
      return `first touch at ${formatDateTime(sla.metAt)}, ${sla.duration ? `${sla.duration} early` : 'on time'}${origin(first)}`;
    case 'missed':
      return `first touch at ${formatDateTime(sla.metAt)}, ${sla.duration} late${origin(first)}`;
  }
}

/** Where the marketing → sales hand-off stands against the agreed first-touch time. */
export function SlaBadge({ sla }: { sla: SlaView }) {
  const look = LOOK[sla.state];
  return (
    <p data-testid="sla-state" className={`mx-4 mb-2 rounded px-2 py-1 text-xs break-words ${look.className}`}>
      <span className="font-semibold">{look.label}</span> · {detail(sla)}
    </p>
  );
}
