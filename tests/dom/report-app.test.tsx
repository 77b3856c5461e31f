import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportApp, type ReportApi } from '@/components/report/report-app';
import type { DrillDownRow } from '@/lib/domain/report-schema';
import type { ReportView } from '@/lib/messaging/protocol';
import { iso, now, REPORT, row, ROWS, TOMORROW } from './report-fixtures';

const WITH_SLA: ReportView = {
  ...REPORT,
  rows: ROWS.map((r, i) => ({ ...r, handoffs: { met: i + 1, untimed: 0, missed: i, open: 0 } })),
  slaByOwner: [{ key: 'alex', label: 'Alex Rivera', met: 3, untimed: 2, missed: 1, open: 0 }],
  slaByCampaign: [{ key: 'cmp-001', label: 'Q3 Supply Chain Webinar', met: 2, untimed: 0, missed: 0, open: 1 }],
};

const MAYA: DrillDownRow = {
  email: 'maya.okafor@northwind-logistics.example',
  name: 'Maya Okafor',
  company: 'Northwind Logistics',
  lastTouchAt: '2025-09-18T16:00:00.000Z',
  verdict: 'good',
  reasonId: 'active_project',
  reasonLabel: 'Active project',
  note: 'Evaluating now',
  author: 'alex.rivera@brightwave.example',
  feedbackAt: '2026-11-20T10:00:00.000Z',
};

function fakeReportApi(view: ReportView = REPORT) {
  return {
    getReport: vi.fn(async (_q: Parameters<ReportApi['getReport']>[0]) => view),
    getDrillDown: vi.fn(async (_q: Parameters<ReportApi['getDrillDown']>[0]): Promise<DrillDownRow[]> => [
      MAYA,
      { email: 'unjudged@example.com', reasonLabel: '', lastTouchAt: '2025-09-01T10:00:00.000Z' },
    ]),
    getFeedbackCsv: vi.fn(async () => 'Date,Email\r\n2026-11-20T10:00:00.000Z,maya.okafor@northwind-logistics.example\r\n'),
  } satisfies ReportApi;
}

async function renderReport(api = fakeReportApi()) {
  const utils = render(<ReportApp api={api} now={now} />);
  await screen.findByTestId('report-table');
  return { ...utils, api };
}

const labels = () => screen.getAllByTestId('report-row').map((r) => within(r).getByRole('rowheader').textContent);
const header = (name: RegExp | string) => screen.getByRole('columnheader', { name });

/** Captures what the page hands to the browser as a download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:report/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const text = async (i: number) => (await blobs[i]!.text()).replace(/^\uFEFF/, '');
  return { blobs, names, text };
}

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('ReportApp', () => {
  it('loads the last 90 days by campaign and shows the rows, basis and reasons', async () => {
    const { api } = await renderReport();
    expect(api.getReport).toHaveBeenCalledTimes(1);
    expect(api.getReport).toHaveBeenCalledWith({
      dimension: 'campaign',
      from: iso(2026, 8, 29),
      to: TOMORROW,
      model: 'any',
      onlyMine: false,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Lead-quality report' })).toBeInTheDocument();
    expect(screen.getByTestId('report-basis')).toHaveTextContent(
      'Data basis: Computed in this browser from Demo data and the feedback given here',
    );

    const ads = screen.getAllByTestId('report-row')[0]!;
    expect(within(ads).getByRole('rowheader')).toHaveTextContent('Google Ads – Logistics BI');
    expect(ads).toHaveTextContent('30');
    // Every rate with its sample size beside it.
    expect(within(ads).getByRole('cell', { name: '17% of 6' })).toBeInTheDocument();
    expect(ads).toHaveTextContent('Wrong person / misrouted (3)');
    expect(ads).toHaveTextContent('No need (2)');
    // No SLA: no hand-off columns, and a pointer to Settings instead of the SLA tables.
    expect(screen.queryByRole('columnheader', { name: /Hand-offs/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('sla-hint')).toHaveTextContent('Set a hand-off SLA in Settings to see hand-offs met and missed.');
    expect(screen.queryByTestId('sla-by-owner')).not.toBeInTheDocument();
  });

  it('sorts by verdicts, high to low, by default and re-sorts on header clicks', async () => {
    await renderReport();
    expect(labels()).toEqual(['Google Ads – Logistics BI', 'Q3 Supply Chain Webinar', 'Customer Stories, "Operations"']);
    expect(header(/Verdicts/)).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getAllByRole('columnheader').filter((h) => h.hasAttribute('aria-sort'))).toHaveLength(1);

    await userEvent.click(within(header(/Good-lead rate/)).getByRole('button'));
    expect(header(/Good-lead rate/)).toHaveAttribute('aria-sort', 'descending');
    expect(header(/Verdicts/)).not.toHaveAttribute('aria-sort');
    // No rate (nobody judged the leads) sorts last either way.
    expect(labels()).toEqual(['Q3 Supply Chain Webinar', 'Google Ads – Logistics BI', 'Customer Stories, "Operations"']);

    await userEvent.click(within(header(/Good-lead rate/)).getByRole('button'));
    expect(header(/Good-lead rate/)).toHaveAttribute('aria-sort', 'ascending');
    expect(labels()).toEqual(['Google Ads – Logistics BI', 'Q3 Supply Chain Webinar', 'Customer Stories, "Operations"']);

    await userEvent.click(screen.getByRole('button', { name: /^Campaign/ }));
    expect(header(/^Campaign/)).toHaveAttribute('aria-sort', 'ascending');
    expect(labels()).toEqual(['Customer Stories, "Operations"', 'Google Ads – Logistics BI', 'Q3 Supply Chain Webinar']);
  });

  it('shows "—", not 0 %, when nobody has judged the leads', async () => {
    await renderReport();
    const stories = screen.getAllByTestId('report-row').find((r) => r.textContent?.includes('Customer Stories'))!;
    const rate = stories.querySelector('[data-column="goodRate"]');
    expect(rate).toHaveTextContent(/^—$/);
    expect(stories).not.toHaveTextContent('0%');
  });

  it('asks again with the ISO bounds of each period, `to` exclusive', async () => {
    const { api } = await renderReport();
    // The period and grouping; the model and the "only mine" switch are tested on their own.
    const last = () => {
      const q = api.getReport.mock.lastCall?.[0];
      return q && { dimension: q.dimension, from: q.from, to: q.to };
    };

    await userEvent.click(screen.getByRole('button', { name: 'Last 30 days' }));
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2026, 10, 28), to: TOMORROW }));
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'This quarter' }));
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2026, 10, 1), to: TOMORROW }));

    await userEvent.click(screen.getByRole('button', { name: 'Last 12 months' }));
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2025, 11, 27), to: TOMORROW }));

    await userEvent.click(screen.getByRole('button', { name: 'All time' }));
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2000, 1, 1), to: TOMORROW }));
    expect(screen.getByLabelText('From')).toHaveValue('2000-01-01');
    expect(screen.getByLabelText('To (inclusive)')).toHaveValue('2026-11-26');

    // A custom range covers whole days: up to the midnight after its last day.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2026, 3, 1), to: TOMORROW }));
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-03-31' } });
    await waitFor(() => expect(last()).toEqual({ dimension: 'campaign', from: iso(2026, 3, 1), to: iso(2026, 4, 1) }));
    expect(screen.getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'false');

    // A range that ends before it starts is explained, not sent.
    const calls = api.getReport.mock.calls.length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-15' } });
    expect(await screen.findByText('The first day must be on or before the last day.')).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledTimes(calls);

    await userEvent.click(screen.getByRole('tab', { name: 'Lead source' }));
    await waitFor(() => expect(last()).toEqual({ dimension: 'source', from: iso(2026, 3, 1), to: iso(2026, 4, 1) }));
    expect(screen.getByRole('tab', { name: 'Lead source' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens the contacts behind a campaign row', async () => {
    const { api } = await renderReport();
    await userEvent.click(screen.getByRole('button', { name: 'Q3 Supply Chain Webinar' }));
    expect(api.getDrillDown).toHaveBeenCalledWith({
      campaignId: 'cmp-001',
      from: iso(2026, 8, 29),
      to: TOMORROW,
      model: 'any',
      onlyMine: false,
    });

    const panel = await screen.findByTestId('drill-down-table');
    const [maya, other] = within(panel).getAllByTestId('drill-down-row');
    expect(maya).toHaveTextContent('Maya Okafor');
    expect(maya).toHaveTextContent('Northwind Logistics');
    expect(maya).toHaveTextContent('Sep 18, 2025');
    expect(maya).toHaveTextContent('Good');
    expect(maya).toHaveTextContent('Active project');
    expect(maya).toHaveTextContent('Evaluating now');
    expect(maya).toHaveTextContent('alex.rivera@brightwave.example');
    expect(other).toHaveTextContent('No verdict');
    expect(screen.getByRole('heading', { name: 'Contacts behind “Q3 Supply Chain Webinar”' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('drill-down')).not.toBeInTheDocument();

    // Other groupings have no drill-down.
    await userEvent.click(screen.getByRole('tab', { name: 'Persona' }));
    await waitFor(() => expect(api.getReport).toHaveBeenLastCalledWith(expect.objectContaining({ dimension: 'persona' })));
    await screen.findByTestId('report-table');
    expect(screen.queryByRole('button', { name: 'Q3 Supply Chain Webinar' })).not.toBeInTheDocument();
  });

  it('downloads the table as shown, as CSV', async () => {
    const downloads = captureDownloads();
    await renderReport();
    await userEvent.click(screen.getByRole('button', { name: 'Download table as CSV' }));
    expect(downloads.names).toEqual(['leadlight-report-campaign-2026-08-29-to-2026-11-26.csv']);
    expect(downloads.blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(await downloads.text(0)).toBe(
      [
        'Campaign,Leads touched,Verdicts,Good,Bad,Good-lead rate (%),Top rejection reason,Top rejection reason (count),Top disqualification reason,Top disqualification reason (count)',
        'Google Ads – Logistics BI,30,6,1,5,16.7,Wrong person / misrouted,3,No need,2',
        'Q3 Supply Chain Webinar,12,4,3,1,75,,,No budget,1',
        '"Customer Stories, ""Operations""",5,0,0,0,,,,,',
        '',
      ].join('\r\n'),
    );
    // The temporary link is gone and the URL is released.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('downloads all feedback as CSV from the background, named by the rep so two reps’ files of a day differ', async () => {
    const downloads = captureDownloads();
    const { api } = await renderReport();
    await userEvent.click(screen.getByRole('button', { name: 'Download all feedback as CSV' }));
    await waitFor(() => expect(downloads.names).toEqual(['leadlight-feedback-alex.rivera-2026-11-26.csv']));
    expect(api.getFeedbackCsv).toHaveBeenCalledTimes(1);
    expect(await downloads.text(0)).toBe('Date,Email\r\n2026-11-20T10:00:00.000Z,maya.okafor@northwind-logistics.example\r\n');
  });

  it('names the feedback file by the day alone while nobody is known as the rep', async () => {
    const downloads = captureDownloads();
    const { me: _me, ...scope } = REPORT.scope;
    await renderReport(fakeReportApi({ ...REPORT, scope }));
    await userEvent.click(screen.getByRole('button', { name: 'Download all feedback as CSV' }));
    await waitFor(() => expect(downloads.names).toEqual(['leadlight-feedback-2026-11-26.csv']));
  });

  it('measures the demo’s periods from its own today, and ends them no sooner than the real one', async () => {
    // Mid-February 2027 on the real clock; the demo stands still on 20 Nov 2026 (README).
    const api = fakeReportApi({ ...REPORT, today: new Date(2026, 10, 20, 9).toISOString() });
    render(<ReportApp api={api} now={() => new Date(2027, 1, 15, 10)} />);
    const last = () => {
      const q = api.getReport.mock.lastCall?.[0];
      return q && { from: q.from, to: q.to };
    };
    // The 90 days up to the demo's today, and the verdicts given in the demo since, stamped by the real clock.
    await waitFor(() => expect(last()).toEqual({ from: iso(2026, 8, 23), to: iso(2027, 2, 16) }));
    await screen.findByTestId('report-table');
    await userEvent.click(screen.getByRole('button', { name: 'This quarter' }));
    await waitFor(() => expect(last()).toEqual({ from: iso(2026, 10, 1), to: iso(2027, 2, 16) }));
    // Days the rep picks are those days.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-11-20' } });
    await waitFor(() => expect(last()).toEqual({ from: iso(2026, 11, 1), to: iso(2026, 11, 21) }));
  });

  it('shows hand-off columns and SLA tables when an SLA is set', async () => {
    await renderReport(fakeReportApi(WITH_SLA));
    expect(screen.queryByTestId('sla-hint')).not.toBeInTheDocument();
    expect(header(/^Hand-offs met$/)).toBeInTheDocument();
    expect(header(/Hand-offs missed/)).toBeInTheDocument();
    expect(header(/Hand-offs open/)).toBeInTheDocument();
    expect(header(/Hand-offs met, time not recorded/)).toBeInTheDocument();
    const owner = screen.getByTestId('sla-by-owner');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(within(owner).getByRole('row', { name: /Alex Rivera/ }))).toEqual(['3', '2', '1', '0']);
    expect(cells(within(screen.getByTestId('sla-by-campaign')).getByRole('row', { name: /Q3 Supply Chain Webinar/ }))).toEqual([
      '2',
      '0',
      '0',
      '1',
    ]);
  });

  it('explains the attribution model and asks again with the one chosen', async () => {
    const { api } = await renderReport();
    expect(screen.getByRole('radio', { name: 'Any touch' })).toBeChecked();
    expect(screen.getByTestId('attribution-explained')).toHaveTextContent(
      'Each campaign and asset that reached the lead before the verdict',
    );
    await userEvent.click(screen.getByRole('radio', { name: 'First touch' }));
    await waitFor(() => expect(api.getReport).toHaveBeenLastCalledWith(expect.objectContaining({ model: 'first' })));
    expect(screen.getByTestId('attribution-explained')).toHaveTextContent('Only the campaign and asset that reached the lead first');
    await userEvent.click(screen.getByRole('radio', { name: 'Last touch before the verdict' }));
    await waitFor(() => expect(api.getReport).toHaveBeenLastCalledWith(expect.objectContaining({ model: 'last' })));
    await userEvent.click(within(screen.getAllByTestId('report-row')[1]!).getByRole('button'));
    await waitFor(() => expect(api.getDrillDown).toHaveBeenLastCalledWith(expect.objectContaining({ model: 'last' })));
  });

  it('says whose verdicts it counts and switches to only mine', async () => {
    const { api } = await renderReport();
    expect(screen.getByTestId('team-scope')).toHaveTextContent(
      /^Team: 412 verdicts by 9 reps, from HubSpot, as of Nov 26, 2026, \d+:32 [AP]M$/,
    );
    await userEvent.click(screen.getByRole('switch', { name: /Only mine \(alex.rivera@brightwave.example\)/ }));
    await waitFor(() => expect(api.getReport).toHaveBeenLastCalledWith(expect.objectContaining({ onlyMine: true })));
  });

  it('names the feedback files merged in and whose verdicts each holds', async () => {
    const files = [
      { name: 'leadlight-feedback-alex.csv', authors: ['alex.rivera@brightwave.example'], verdicts: 40 },
      { name: 'leadlight-feedback-jamie.csv', authors: ['jamie.chen@brightwave.example'], verdicts: 25 },
    ];
    await renderReport(
      fakeReportApi({ ...REPORT, scope: { ...REPORT.scope, from: '2 feedback files and this browser', asOf: null, files } }),
    );
    expect(screen.getByTestId('team-scope')).toHaveTextContent('from 2 feedback files and this browser');
    expect(
      within(screen.getByRole('list', { name: 'Feedback files merged in' }))
        .getAllByRole('listitem')
        .map((l) => l.textContent),
    ).toEqual([
      'leadlight-feedback-alex.csv: 40 verdicts by alex.rivera@brightwave.example',
      'leadlight-feedback-jamie.csv: 25 verdicts by jamie.chen@brightwave.example',
    ]);
  });

  it('gives every chart point a tooltip and marks the month still under way', async () => {
    const trend = REPORT.trend.map((t) => ({ ...t, series: t.series.map((p, i) => (i === 2 ? { ...p, partial: true } : p)) }));
    await renderReport(fakeReportApi({ ...REPORT, trend }));
    const tips = screen.getAllByTestId('trend-point').map((p) => p.querySelector('title')?.textContent);
    expect(tips).toContain('Q3 Supply Chain Webinar, Oct 2026: 50% good, 1 of 2 verdicts');
    expect(tips).toContain('Q3 Supply Chain Webinar, Nov 2026 (month to date): 100% good, 2 of 2 verdicts');
    const table = screen.getByRole('table', { name: 'Good-lead rate per month and campaign' });
    expect(within(table).getByRole('rowheader', { name: 'Nov 2026 (to date)' })).toBeInTheDocument();
  });

  it('lists the assets that reached each prospect in the drill-down', async () => {
    const api = fakeReportApi();
    api.getDrillDown.mockResolvedValue([
      {
        ...MAYA,
        assets: [
          { name: 'Winter peak checklist', type: 'case_study', campaign: 'Customer Stories', date: '2026-11-17T15:40:00.000Z' },
          { name: 'Live session', type: 'webinar', campaign: 'Q3 Supply Chain Webinar', date: '2025-09-18T16:00:00.000Z' },
        ],
      },
    ]);
    await renderReport(api);
    await userEvent.click(within(screen.getAllByTestId('report-row')[1]!).getByRole('button'));
    const assets = await screen.findByTestId('drill-down-assets');
    expect(
      within(assets)
        .getAllByRole('listitem')
        .map((l) => l.textContent),
    ).toEqual(['Case study: Winter peak checklist', 'Webinar: Live session']);
  });

  it('draws the trend as an SVG image with a summary and a table equivalent', async () => {
    await renderReport();
    const chart = screen.getByRole('img', { name: /good-lead rate per month/i });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart).toHaveAccessibleName(expect.stringContaining('Google Ads – Logistics BI: 17% good over 6 verdicts'));
    expect(chart).toHaveAccessibleName(expect.stringContaining('Q3 Supply Chain Webinar: 75% good over 4 verdicts'));
    expect(screen.getAllByTestId('trend-line')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Good-lead rate per month and campaign' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'MonthGoogle Ads – Logistics BIQ3 Supply Chain Webinar',
      'Sep 202633% of 3no verdicts',
      'Oct 2026no verdicts50% of 2',
      'Nov 20260% of 3100% of 2',
    ]);
  });

  it('says so when nobody has given a verdict in the period', async () => {
    const api = fakeReportApi({ ...REPORT, rows: [row({ key: 'cmp-010', label: 'Customer Stories', leadsTouched: 5 })], trend: [] });
    await renderReport(api);
    expect(screen.getByTestId('report-empty')).toHaveTextContent('No verdicts in this period yet');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows loading, then an error with a retry that asks again', async () => {
    const api = fakeReportApi();
    api.getReport.mockRejectedValueOnce(new Error('Background not answering'));
    render(<ReportApp api={api} now={now} />);
    expect(screen.getByTestId('report-loading')).toHaveTextContent('Loading report…');
    const alert = await screen.findByTestId('report-error');
    expect(alert).toHaveTextContent('Background not answering');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('report-table')).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledTimes(2);
  });

  it('ignores a slow answer for a period no longer chosen', async () => {
    const api = fakeReportApi();
    let release!: (v: ReportView) => void;
    api.getReport.mockImplementationOnce(() => new Promise((r) => (release = r)));
    render(<ReportApp api={api} now={now} />);
    await userEvent.click(screen.getByRole('button', { name: 'All time' }));
    await screen.findByTestId('report-table');
    await act(async () => release({ ...REPORT, rows: [row({ key: 'old', label: 'Stale row', verdicts: 9 })] }));
    expect(screen.queryByText('Stale row')).not.toBeInTheDocument();
  });

  it('has no axe violations with the table, chart, drill-down and SLA tables shown', async () => {
    const { container } = await renderReport(fakeReportApi(WITH_SLA));
    await userEvent.click(screen.getByRole('button', { name: 'Q3 Supply Chain Webinar' }));
    await screen.findByTestId('drill-down-table');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
