import type { Campaign } from '@/lib/domain/campaign';
import { CAMPAIGN_TYPE_LABELS, labelFor } from '@/lib/domain/labels';
import { formatDate } from '../format';
import { Section } from '../ui/section';

/** What marketing runs next that fits this person: something to invite them to. */
export function UpcomingCampaigns({ campaigns }: { campaigns: Campaign[] }) {
  if (campaigns.length === 0) return null;
  return (
    <Section title="Coming up" testId="upcoming-campaigns">
      <ul className="space-y-1">
        {campaigns.map((c) => (
          <li key={c.id} className="text-sm">
            <span className="font-medium break-words text-slate-900 dark:text-slate-50">{c.name}</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              {labelFor(c.type, CAMPAIGN_TYPE_LABELS)}
              {c.startDate ? ` · ${formatDate(c.startDate)}` : ''}
              {c.endDate && c.endDate !== c.startDate ? ` – ${formatDate(c.endDate)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
