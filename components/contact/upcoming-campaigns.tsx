import { campaignCategoryOf } from '@/lib/domain/categories';
import { useState } from 'react';
import type { Campaign } from '@/lib/domain/campaign';
import { CAMPAIGN_TYPE_LABELS, labelFor } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '../format';
import { Section } from '../ui/section';
import { SourceNote, type SourceNoteProps } from './source-note';

/** A campaign as the background suggests it: the date to name and why it fits, when known. */
type Suggested = Campaign & { when?: string; fit?: string };

// A session has a time worth naming; a multi-day event's opening day is enough.
const dateOf = (c: Suggested) => {
  const when = c.when ?? c.eventDate ?? c.startDate;
  if (!when) return '';
  return c.eventDate && campaignCategoryOf(c) === 'webinar' ? formatDateTime(when) : formatDate(when);
};

function CopyInvite({ url, name }: { url: string; name: string }) {
  const [said, setSaid] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setSaid('Invite link copied.'),
      () => setSaid(`Copying was blocked; the link is ${url}`),
    );
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={`Copy invite link for ${name}`}
        className="rounded border border-sky-700 px-2 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-400 dark:text-sky-200 dark:hover:bg-slate-800"
      >
        Copy invite link
      </button>
      <span role="status" className="text-xs break-all text-slate-600 dark:text-slate-300">
        {said}
      </span>
    </>
  );
}

/** What marketing runs next that fits this person: something to invite them to, and how. */
export function UpcomingCampaigns({ campaigns, source }: { campaigns: Suggested[]; source?: SourceNoteProps }) {
  if (campaigns.length === 0) return null;
  return (
    <Section title="Coming up" testId="upcoming-campaigns" note={source && <SourceNote {...source} />}>
      <ul className="space-y-2">
        {campaigns.map((c) => (
          <li key={c.id} data-testid="upcoming-campaign" className="text-sm">
            <span className="font-medium break-words text-slate-900 dark:text-slate-50">{c.name}</span>
            <span data-testid="upcoming-when" className="block text-xs text-slate-700 dark:text-slate-200">
              {labelFor(c.type, CAMPAIGN_TYPE_LABELS)}
              {dateOf(c) && ` · ${dateOf(c)}`}
            </span>
            {c.fit && (
              <span data-testid="upcoming-fit" className="block text-xs text-slate-600 dark:text-slate-300">
                {c.fit}
              </span>
            )}
            {(c.inviteUrl || c.recordUrl) && (
              <span className="mt-1 flex flex-wrap items-center gap-2">
                {c.inviteUrl && <CopyInvite url={c.inviteUrl} name={c.name} />}
                {c.recordUrl && (
                  <a
                    href={c.recordUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-xs font-medium text-sky-800 underline dark:text-sky-200"
                  >
                    Open in CRM<span className="sr-only">: {c.name}</span>
                  </a>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
