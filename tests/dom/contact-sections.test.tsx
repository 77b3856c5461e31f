import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ContactContextView } from '@/components/contact/contact-context-view';
import { createCampaign, createContactContext, createTimelineEntry } from '../factories';
import { fakeFeedbackActions } from './fakes';

const upcoming = [
  {
    ...createCampaign({
      id: 'cmp-020',
      name: 'Spring Product Launch Webinar',
      type: 'webinar',
      status: 'planned',
      startDate: '2027-02-01T00:00:00.000Z',
      endDate: '2027-03-04T23:59:00.000Z',
      eventDate: '2027-03-04T16:00:00.000Z',
      inviteUrl: 'https://brightwave.example/register/cmp-020',
      recordUrl: 'https://acme.lightning.force.com/lightning/r/Campaign/701000000000001AAA/view',
    }),
    when: '2027-03-04T16:00:00.000Z',
    fit: 'Planned for Operations Leader, this contact’s persona',
  },
  {
    ...createCampaign({ id: 'cmp-019', name: 'Retail Summit', type: 'event', status: 'planned', startDate: '2027-01-11T00:00:00.000Z' }),
    when: '2027-01-11T00:00:00.000Z',
    fit: 'Open to every contact',
  },
];

function renderView(overrides: Parameters<typeof createContactContext>[0] = {}) {
  const context = createContactContext({
    timeline: [createTimelineEntry({ assetType: 'case_study', assetName: 'Case study: How Fernhill Freight cut dwell time 32%' })],
    upcoming,
    ...overrides,
  });
  render(<ContactContextView context={context} feedback={fakeFeedbackActions()} />);
}

describe('Contact sections', () => {
  it('shows the asset type once when the asset name already starts with it', () => {
    renderView();
    const entry = screen.getByTestId('timeline-entry');
    expect(entry).toHaveTextContent('Case study: How Fernhill Freight cut dwell time 32%');
    expect(entry).not.toHaveTextContent(/Case study: Case study/);
  });

  it('still names the type of an asset whose name does not', () => {
    renderView({ timeline: [createTimelineEntry({ assetType: 'whitepaper', assetName: 'Securing self-service BI' })] });
    expect(screen.getByTestId('timeline-entry')).toHaveTextContent('Whitepaper: Securing self-service BI');
  });

  it('dates an upcoming webinar by its session, says why it fits, and offers its links', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    renderView();
    const [webinar, summit] = screen.getAllByTestId('upcoming-campaign');
    expect(within(webinar!).getByTestId('upcoming-when')).toHaveTextContent(/^Webinar · Mar 4, 2027, \d+:00 [AP]M$/);
    expect(within(webinar!).getByTestId('upcoming-when')).not.toHaveTextContent('Feb 1');
    expect(within(webinar!).getByTestId('upcoming-fit')).toHaveTextContent('Planned for Operations Leader, this contact’s persona');
    expect(within(webinar!).getByRole('link', { name: /Open in CRM/ })).toHaveAttribute(
      'href',
      'https://acme.lightning.force.com/lightning/r/Campaign/701000000000001AAA/view',
    );
    await user.click(within(webinar!).getByRole('button', { name: 'Copy invite link for Spring Product Launch Webinar' }));
    expect(writeText).toHaveBeenCalledWith('https://brightwave.example/register/cmp-020');
    expect(await within(webinar!).findByRole('status')).toHaveTextContent('Invite link copied.');
    // No link in the source: no action offered.
    expect(within(summit!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(summit!).queryByRole('link')).not.toBeInTheDocument();
  });

  it('cites the source in every section, and a field from another source says so', () => {
    renderView({
      sources: {
        record: { name: 'Salesforce', at: '2026-03-06T10:32:00.000Z' },
        fields: { owner: { name: 'import of march.csv', at: '2026-03-01T08:00:00.000Z' }, title: { name: 'Salesforce' } },
      },
      contact: { owner: 'Jamie Chen' },
      timeline: [
        createTimelineEntry({ assetType: 'case_study', assetName: 'Case study: How Fernhill Freight cut dwell time 32%' }),
        createTimelineEntry({ assetType: 'call', assetName: 'Discovery call' }),
      ],
    });
    for (const id of ['contact-header', 'lead-source', 'persona-match', 'sales-activity', 'campaign-timeline', 'upcoming-campaigns']) {
      expect(within(screen.getByTestId(id)).getByTestId('section-source')).toHaveTextContent(/^from Salesforce, /);
    }
    const fieldNotes = screen.getAllByTestId('field-source');
    expect(fieldNotes.map((n) => n.dataset.field)).toEqual(['owner']);
    expect(fieldNotes[0]).toHaveTextContent(/^\(from import of march\.csv, Mar 1, 2026/);
  });
});
