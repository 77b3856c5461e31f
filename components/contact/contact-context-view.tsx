import type { ContactContext } from '@/lib/domain/contact-context';
import { isSalesActivity } from '@/lib/domain/sales-activity';
import { formatDateTime } from '../format';
import { CampaignTimeline } from './campaign-timeline';
import { ContactHeader } from './contact-header';
import { FeedbackPanel, type FeedbackActions } from './feedback-panel';
import { LeadSourceCard } from './lead-source-card';
import { PersonaCard } from './persona-card';
import { SalesActivityList } from './sales-activity-list';
import { SlaBadge } from './sla-badge';
import { UpcomingCampaigns } from './upcoming-campaigns';

type Props = { context: ContactContext; author?: string; feedback: FeedbackActions };

/** Everything marketing knows about one contact, as the sidebar and popup show it. */
export function ContactContextView({ context, author, feedback }: Props) {
  const { contact } = context;
  // Calls and meetings are sales' own work, not campaigns that reached the contact.
  const campaignTouches = context.timeline.filter((t) => !isSalesActivity(t.assetType));
  const salesActivities = context.timeline.filter((t) => isSalesActivity(t.assetType));
  return (
    <article data-testid="contact-context" aria-label={`Marketing context for ${contact.name ?? contact.email}`}>
      <ContactHeader contact={contact} />
      {context.sla && <SlaBadge sla={context.sla} />}
      <LeadSourceCard original={contact.originalSource} latest={contact.latestSource} />
      <PersonaCard matches={context.personaMatches} />
      {/* Above the long timeline so a verdict stays one click away. */}
      <FeedbackPanel email={contact.email} author={author} last={context.lastFeedback} actions={feedback} />
      <SalesActivityList activities={salesActivities} />
      <CampaignTimeline timeline={campaignTouches} />
      <UpcomingCampaigns campaigns={context.upcoming ?? []} />
      <p
        data-testid="data-as-of"
        className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400"
      >
        {context.source.name} · data as of {formatDateTime(context.source.dataAsOf)}
      </p>
    </article>
  );
}
