import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactContextView } from '@/components/contact/contact-context-view';
import { SlaBadge } from '@/components/contact/sla-badge';
import { createContactContext, createTimelineEntry } from '../factories';
import { fakeFeedbackActions } from './fakes';

const due = '2026-03-02T13:00:00.000Z';

describe('SLA badge', () => {
  it('says "met (time not recorded)" for a worked status, naming the status as the CRM wrote it', () => {
    render(<SlaBadge sla={{ state: 'met', dueAt: due, duration: '', firstTouch: { via: 'status', status: 'Working - Contacted' } }} />);
    expect(screen.getByTestId('sla-state')).toHaveTextContent('SLA met · met (time not recorded): lead status “Working - Contacted”');
    expect(screen.getByTestId('sla-state')).not.toHaveTextContent(/overdue/i);
  });

  // Logged activities here are as versions before the CRM's own word was kept stored them (see sales-activity-words.test.tsx).
  it('says where a dated first touch came from: the rep’s own mail or a logged activity', () => {
    const { rerender } = render(
      <SlaBadge
        sla={{
          state: 'met',
          dueAt: due,
          metAt: '2026-03-02T10:15:00.000Z',
          duration: '2 h 45 min',
          firstTouch: { via: 'seen', at: '2026-03-02T10:15:00.000Z', host: 'gmail' },
        }}
      />,
    );
    expect(screen.getByTestId('sla-state')).toHaveTextContent(
      /^SLA met · first touch at .+, 2 h 45 min early · your email, seen in Gmail$/,
    );
    rerender(
      <SlaBadge
        sla={{
          state: 'missed',
          dueAt: due,
          metAt: '2026-03-03T10:00:00.000Z',
          duration: '5 h',
          firstTouch: { via: 'logged', at: '2026-03-03T10:00:00.000Z', activity: 'call', label: 'Discovery call' },
        }}
      />,
    );
    expect(screen.getByTestId('sla-state')).toHaveTextContent(/^SLA missed · first touch at .+, 5 h late · call logged: Discovery call$/);
  });

  it('always gives a due time with its time of day, also one that falls at midnight UTC (13:00 in Auckland)', () => {
    const { rerender } = render(<SlaBadge sla={{ state: 'due_soon', dueAt: '2026-11-23T00:00:00.000Z', duration: '30 min' }} />);
    expect(screen.getByTestId('sla-state')).toHaveTextContent(
      /^Due soon · first touch due in 30 min \(Nov 2\d, 2026, \d{1,2}:\d\d [AP]M\)$/,
    );
    rerender(<SlaBadge sla={{ state: 'overdue', dueAt: '2026-11-23T00:00:00.000Z', duration: '2 h' }} />);
    expect(screen.getByTestId('sla-state')).toHaveTextContent(
      /^Overdue · first touch overdue by 2 h \(was due Nov 2\d, 2026, \d{1,2}:\d\d [AP]M\)$/,
    );
  });

  it('says "due by" when no working time is left before the next window opens, and "on time" for a touch with none to spare', () => {
    const { rerender } = render(<SlaBadge sla={{ state: 'due_soon', dueAt: '2026-11-23T09:00:00.000Z', duration: '' }} />);
    expect(screen.getByTestId('sla-state')).toHaveTextContent(/^Due soon · first touch due by Nov 23, 2026, \d{1,2}:00 [AP]M$/);
    rerender(
      <SlaBadge
        sla={{
          state: 'met',
          dueAt: '2026-11-20T17:00:00.000Z',
          metAt: '2026-11-20T17:30:00.000Z',
          duration: '',
          firstTouch: { via: 'seen', at: '2026-11-20T17:30:00.000Z', host: 'gmail' },
        }}
      />,
    );
    expect(screen.getByTestId('sla-state')).toHaveTextContent(
      /^SLA met · first touch at Nov 20, 2026, .+, on time · your email, seen in Gmail$/,
    );
  });

  it('names the CRM a logged first touch was read from', () => {
    render(
      <SlaBadge
        sla={{
          state: 'met',
          dueAt: due,
          metAt: '2026-03-02T11:00:00.000Z',
          duration: '2 h',
          firstTouch: {
            via: 'logged',
            at: '2026-03-02T11:00:00.000Z',
            activity: 'meeting',
            label: 'Plant operations review',
            source: 'Salesforce',
          },
        }}
      />,
    );
    expect(screen.getByTestId('sla-state')).toHaveTextContent(
      /^SLA met · first touch at .+, 2 h early · meeting logged in Salesforce: Plant operations review$/,
    );
  });

  it('keeps sales activities out of "Campaigns touched" and lists them on their own', () => {
    const context = createContactContext({
      timeline: [
        createTimelineEntry({
          id: 'a1',
          assetType: 'call',
          assetName: 'Discovery call',
          campaignId: 'sales-activity',
          date: '2026-03-02T10:00:00.000Z',
        }),
        createTimelineEntry({
          id: 'a2',
          assetType: 'sales_email',
          assetName: 'Email: Your questions from the webinar',
          campaignId: 'sales-activity',
          date: '2026-03-01T10:00:00.000Z',
        }),
        createTimelineEntry({ id: 't1', assetType: 'webinar', assetName: 'Live session' }),
      ],
    });
    render(<ContactContextView context={context} feedback={fakeFeedbackActions()} />);
    const activity = screen.getByTestId('sales-activity');
    expect(
      within(activity)
        .getAllByTestId('sales-activity-entry')
        .map((e) => e.textContent),
    ).toEqual([expect.stringMatching(/^Call: Discovery call · /), expect.stringMatching(/^Email: Your questions from the webinar · /)]);
    const timeline = screen.getByTestId('campaign-timeline');
    expect(within(timeline).getAllByTestId('timeline-entry')).toHaveLength(1);
    expect(timeline).not.toHaveTextContent('Discovery call');
  });
});
