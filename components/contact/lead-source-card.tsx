import type { LeadSource } from '@/lib/domain/contact';
import { labelFor, LEAD_CHANNEL_LABELS } from '@/lib/domain/labels';
import { formatDate } from '../format';
import { Section } from '../ui/section';

function SourceRow({ label, source, testId }: { label: string; source: LeadSource | undefined; testId: string }) {
  return (
    <div data-testid={testId} className="mb-2 last:mb-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      {source ? (
        <dd className="text-sm text-slate-800 dark:text-slate-100">
          <span className="font-medium">{labelFor(source.channel, LEAD_CHANNEL_LABELS)}</span>
          {source.date && <span className="text-slate-500 dark:text-slate-400"> · {formatDate(source.date)}</span>}
          {source.detail && <span className="block text-xs break-words text-slate-600 dark:text-slate-300">{source.detail}</span>}
        </dd>
      ) : (
        <dd className="text-sm text-slate-500 dark:text-slate-400">Not recorded</dd>
      )}
    </div>
  );
}

/** First and most recent lead source, with the detail marketing recorded. */
export function LeadSourceCard({ original, latest }: { original?: LeadSource; latest?: LeadSource }) {
  return (
    <Section title="Lead source" testId="lead-source">
      <dl>
        <SourceRow label="Original" source={original} testId="lead-source-original" />
        <SourceRow label="Latest" source={latest} testId="lead-source-latest" />
      </dl>
    </Section>
  );
}
