import type { ContactContext } from '@/lib/domain/contact-context';
import { isSalesActivity } from '@/lib/domain/sales-activity';
import { formatDateTime } from '../format';
import type { FieldSources } from './field-source';
import { CampaignTimeline } from './campaign-timeline';
import { ContactHeader } from './contact-header';
import { FeedbackPanel, type FeedbackActions } from './feedback-panel';
import { LeadSourceCard } from './lead-source-card';
import { PersonaCard } from './persona-card';
import { SalesActivityList } from './sales-activity-list';
import { SlaBadge } from './sla-badge';
import { UpcomingCampaigns } from './upcoming-campaigns';

type Props = { context: ContactContext; author?: string; feedback: FeedbackActions };

/** Only the fields whose source differs from the record's say so. */
function differentSources(fields: FieldSources | undefined, recordName: string): FieldSources {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, s]) => s.name !== recordName));
}

/** Everything marketing knows about one contact, as the sidebar and popup show it. */
export function ContactContextView({ context, author, feedback }: Props) {
  const { contact } = context;
  // Older backgrounds send only the dataset's source; every section still cites it.
  const record = context.sources?.record ?? { name: context.source.name, at: context.source.dataAsOf };
  const fields = differentSources(context.sources?.fields, record.name);
  // Calls and meetings are sales' own work, not campaigns that reached the contact.
  const campaignTouches = context.timeline.filter((t) => !isSalesActivity(t));
  const salesActivities = context.timeline.filter((t) => isSalesActivity(t));
  return (
    <article data-testid="contact-context" aria-label={`Marketing context for ${contact.name ?? contact.email}`}>
      <ContactHeader contact={contact} source={record} fields={fields} />
      {context.sla && <SlaBadge sla={context.sla} />}
      <LeadSourceCard
        original={contact.originalSource}
        latest={contact.latestSource}
        source={record}
        fields={fields}
        unknownFields={contact.unknownFields}
      />
      <PersonaCard matches={context.personaMatches} source={record} />
      {/* Above the long timeline so a verdict stays one click away. */}
      <FeedbackPanel email={contact.email} author={author} last={context.lastFeedback} actions={feedback} handedOff={!!contact.handoffAt} />
      <SalesActivityList activities={salesActivities} source={record} />
      <CampaignTimeline timeline={campaignTouches} source={record} />
      <UpcomingCampaigns campaigns={context.upcoming ?? []} source={{ name: record.name, at: context.source.dataAsOf }} />
      <p
        data-testid="data-as-of"
        className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300"
      >
        {context.source.name} · data as of {formatDateTime(context.source.dataAsOf)}
      </p>
    </article>
  );
}
