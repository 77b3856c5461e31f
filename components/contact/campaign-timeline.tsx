import { useState } from 'react';
import { CAMPAIGN_TYPE_LABELS, labelFor } from '@/lib/domain/labels';
import type { TimelineEntry } from '@/lib/domain/contact-context';
import { formatDate } from '../format';
import { Section } from '../ui/section';
import { assetLine } from './asset-label';
import { AssetSummary } from './asset-summary';
import { SourceNote, type SourceNoteProps } from './source-note';

// Enough to read the recent story at a glance without pushing feedback off screen.
const COLLAPSED_COUNT = 6;

/** Campaigns that reached the contact, newest first, with what they did about it. */
export function CampaignTimeline({ timeline, source }: { timeline: TimelineEntry[]; source?: SourceNoteProps }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? timeline : timeline.slice(0, COLLAPSED_COUNT);
  return (
    <Section title={`Campaigns touched (${timeline.length})`} testId="campaign-timeline" note={source && <SourceNote {...source} />}>
      {timeline.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No campaign has reached this contact yet.</p>
      ) : (
        <>
          <AssetSummary timeline={timeline} />
          <ol className="mt-3 space-y-2">
            {shown.map((t) => (
              <li key={t.id} data-testid="timeline-entry" className="border-l-2 border-sky-200 pl-2 dark:border-sky-800">
                <p className="text-sm font-medium break-words text-slate-900 dark:text-slate-50">{t.campaign?.name ?? t.campaignId}</p>
                <p className="text-xs break-words text-slate-600 dark:text-slate-300">
                  {t.campaign ? `${labelFor(t.campaign.type, CAMPAIGN_TYPE_LABELS)} · ` : ''}
                  {assetLine(t.assetType, t.assetName)}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  <time dateTime={t.date}>{formatDate(t.date)}</time>
                  {t.responseStatus && ` · ${t.responseStatus}`}
                  {t.responded && <span className="ml-1 font-medium text-emerald-700 dark:text-emerald-400">· Responded</span>}
                </p>
              </li>
            ))}
          </ol>
          {timeline.length > COLLAPSED_COUNT && (
            <button
              type="button"
              onClick={() => setExpanded(!expanded)}
              aria-expanded={expanded}
              className="mt-2 text-xs font-medium text-sky-700 hover:underline dark:text-sky-300"
            >
              {expanded ? 'Show fewer' : `Show all ${timeline.length}`}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
