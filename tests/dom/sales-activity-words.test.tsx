import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactContextView } from '@/components/contact/contact-context-view';
import { SalesActivityList } from '@/components/contact/sales-activity-list';
import { SlaBadge } from '@/components/contact/sla-badge';
import type { FirstTouchView } from '@/lib/domain/contact-context';
import { createContactContext, createTimelineEntry } from '../factories';
import { fakeFeedbackActions } from './fakes';

/**
 * Sales activities are named in the CRM's own words: the Task Type "Demo" of
 * tests/fixtures/http/salesforce/lead-tom-becker.json, the call type "Discovery call"
 * of tests/fixtures/http/hubspot/calls-batch-maya.json. Leadlight's category sits
 * beside the word and only decides where an activity is listed and what it proves.
 */

const activity = (id: string, assetType: string, assetCategory: string | undefined, assetName: string, date: string) =>
  createTimelineEntry({
    id,
    campaignId: 'sales-activity',
    assetType,
    ...(assetCategory ? { assetCategory } : {}),
    assetName,
    date,
    responseStatus: undefined,
    responded: false,
  });

const entries = () => screen.getAllByTestId('sales-activity-entry').map((e) => e.textContent?.split(' · ')[0]);

describe('the sales activity list', () => {
  it('names each activity by the CRM’s own type, and one without a subject by its type alone', () => {
    render(
      <SalesActivityList
        activities={[
          activity('a1', 'Demo', 'sales_activity', 'Product walkthrough', '2026-03-17T15:00:00.000Z'),
          activity('a2', 'Discovery call', 'call', 'Intro call – peak season planning', '2026-03-16T10:42:00.000Z'),
          activity('a3', 'Last contacted', 'last_activity', 'Last contacted', '2026-03-14T00:00:00.000Z'),
          activity('a4', 'Email', 'sales_email', 'Email: Your questions from the webinar', '2026-03-13T15:10:00.000Z'),
        ]}
      />,
    );
    expect(entries()).toEqual([
      'Demo: Product walkthrough',
      'Discovery call: Intro call – peak season planning',
      'Last contacted',
      'Email: Your questions from the webinar',
    ]);
  });

  it('names an activity stored before the CRM’s word was kept in Leadlight’s words', () => {
    render(<SalesActivityList activities={[activity('a1', 'sales_email', undefined, 'Pricing follow-up', '2026-03-13T15:10:00.000Z')]} />);
    expect(entries()).toEqual(['Email: Pricing follow-up']);
  });

  it('lists an activity whose category says so, even in the CRM’s own words, and keeps a campaign’s call with campaigns', () => {
    const context = createContactContext({
      timeline: [
        activity('a1', 'Demo', 'meeting', 'Product walkthrough', '2026-03-17T15:00:00.000Z'),
        // A telemarketing campaign's member: a campaign touch that happens to be typed "Call".
        createTimelineEntry({
          id: 't1',
          assetType: 'Call',
          assetCategory: 'other',
          assetName: 'Spring call-down',
          responseStatus: undefined,
          responded: false,
        }),
      ],
    });
    render(<ContactContextView context={context} feedback={fakeFeedbackActions()} />);
    expect(within(screen.getByTestId('sales-activity')).getAllByTestId('sales-activity-entry')).toHaveLength(1);
    expect(entries()).toEqual(['Demo: Product walkthrough']);
    const campaign = within(screen.getByTestId('campaign-timeline')).getByTestId('timeline-entry');
    expect(campaign).toHaveTextContent('Spring call-down');
    // No member status was given: the date stands alone, with nothing made up after it.
    expect(campaign.querySelector('time')?.parentElement?.textContent).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });
});

describe('the SLA badge’s logged first touch', () => {
  const met = (firstTouch: FirstTouchView) => (
    <SlaBadge
      sla={{
        state: 'met',
        dueAt: '2026-03-17T17:00:00.000Z',
        metAt: firstTouch.via === 'logged' ? firstTouch.at : undefined,
        duration: '2 h',
        firstTouch,
      }}
    />
  );
  const at = '2026-03-17T15:00:00.000Z';

  it('says the CRM’s own word as written', () => {
    render(met({ via: 'logged', at, activity: 'Demo', category: 'sales_activity', label: 'Product walkthrough', source: 'Salesforce' }));
    expect(screen.getByTestId('sla-state')).toHaveTextContent(/ · Demo logged in Salesforce: Product walkthrough$/);
  });

  it('names an activity without a subject once', () => {
    render(
      met({ via: 'logged', at, activity: 'First engagement', category: 'sales_activity', label: 'First engagement', source: 'HubSpot' }),
    );
    expect(screen.getByTestId('sla-state')).toHaveTextContent(/ · First engagement logged in HubSpot$/);
  });

  it('says Leadlight’s words mid-sentence for an activity stored before the CRM’s word was kept', () => {
    render(met({ via: 'logged', at, activity: 'sales_email', label: 'Pricing follow-up' }));
    expect(screen.getByTestId('sla-state')).toHaveTextContent(/ · email logged: Pricing follow-up$/);
  });
});
