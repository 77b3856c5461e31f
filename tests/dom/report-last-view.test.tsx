import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp, type ReportApi } from '@/components/report/report-app';
import type { LastReportView, ReportView } from '@/lib/messaging/protocol';
import { deferred } from './fakes';
import { iso, now, REPORT, row, TOMORROW } from './report-fixtures';

// Kept at 10:32 this morning (the page's clock says 15:30): one campaign, fewer verdicts than now.
const KEPT: LastReportView = {
  view: {
    ...REPORT,
    rows: [row({ key: 'cmp-001', label: 'Q3 Supply Chain Webinar', leadsTouched: 11, verdicts: 2, good: 2, goodRate: 1 })],
  },
  computedAt: new Date(2026, 10, 26, 10, 32).toISOString(),
};
const QUESTION = { dimension: 'campaign', from: iso(2026, 8, 29), to: TOMORROW, model: 'any', onlyMine: false };

/** The background as after a stop: the kept report answers at once, the fresh one when the test says. */
function slowBackground(kept: LastReportView | null = KEPT) {
  const fresh = deferred<ReportView>();
  const api = {
    getReport: vi.fn((_q: Parameters<ReportApi['getReport']>[0]) => fresh.promise),
    getLastReport: vi.fn(async (_q: Parameters<NonNullable<ReportApi['getLastReport']>>[0]) => kept),
    getDrillDown: vi.fn(async () => []),
    getFeedbackCsv: vi.fn(async () => ''),
  } satisfies ReportApi;
  return { api, fresh };
}

const labels = () => screen.getAllByTestId('report-row').map((r) => within(r).getByRole('rowheader').textContent);
const downloadTable = () => screen.getByRole('button', { name: 'Download table as CSV' });

afterEach(() => vi.restoreAllMocks());

describe('ReportApp opened while the background computes', () => {
  it('paints the last kept report at once, labelled with its time, and replaces it with the fresh one', async () => {
    const { api, fresh } = slowBackground();
    render(<ReportApp api={api} now={now} />);
    // Both asked at once, for the same question.
    expect(api.getLastReport).toHaveBeenCalledWith(QUESTION);
    expect(api.getReport).toHaveBeenCalledWith(QUESTION);

    const label = await screen.findByTestId('report-as-of');
    expect(label).toHaveAttribute('role', 'status');
    expect(label).toHaveTextContent('Showing the report as of 10:32 AM — updating…');
    expect(labels()).toEqual(['Q3 Supply Chain Webinar']);
    expect(screen.getAllByTestId('report-row')[0]).toHaveTextContent('100% of 2');
    expect(screen.queryByTestId('report-loading')).not.toBeInTheDocument();
    // A downloaded file would not carry the label: it waits for the fresh figures.
    expect(downloadTable()).toBeDisabled();

    await act(async () => fresh.resolve(REPORT));
    expect(labels()).toEqual(['Google Ads – Logistics BI', 'Q3 Supply Chain Webinar', 'Customer Stories, "Operations"']);
    expect(screen.getAllByTestId('report-row')[1]).toHaveTextContent('75% of 4');
    expect(screen.queryByTestId('report-as-of')).not.toBeInTheDocument();
    expect(downloadTable()).toBeEnabled();
  });

  it('never puts the kept report over a fresh one that came first', async () => {
    const { api, fresh } = slowBackground();
    const kept = deferred<LastReportView | null>();
    api.getLastReport.mockImplementationOnce(() => kept.promise);
    render(<ReportApp api={api} now={now} />);
    await act(async () => fresh.resolve(REPORT));
    await act(async () => kept.resolve(KEPT));
    expect(labels()).toHaveLength(3);
    expect(screen.queryByTestId('report-as-of')).not.toBeInTheDocument();
  });

  it('says the date too when the kept report is from another day', async () => {
    const { api } = slowBackground({ ...KEPT, computedAt: new Date(2026, 10, 25, 16, 5).toISOString() });
    render(<ReportApp api={api} now={now} />);
    expect(await screen.findByTestId('report-as-of')).toHaveTextContent('Showing the report as of Nov 25, 2026, 4:05 PM — updating…');
  });

  it('shows loading as before when nothing was kept', async () => {
    const { api, fresh } = slowBackground(null);
    render(<ReportApp api={api} now={now} />);
    await act(async () => {});
    expect(screen.getByTestId('report-loading')).toHaveTextContent('Loading report…');
    expect(screen.queryByTestId('report-as-of')).not.toBeInTheDocument();
    await act(async () => fresh.resolve(REPORT));
    expect(labels()).toHaveLength(3);
  });

  it('when the fresh report fails, says so and how old the figures shown are, and retries', async () => {
    const { api, fresh } = slowBackground();
    render(<ReportApp api={api} now={now} />);
    await screen.findByTestId('report-as-of');
    await act(async () => fresh.reject(new Error('Background not answering')));

    const alert = screen.getByTestId('report-error');
    expect(alert).toHaveTextContent('Could not update the report');
    expect(alert).toHaveTextContent('Background not answering');
    expect(alert).toHaveTextContent('The figures shown are from 10:32 AM.');
    expect(labels()).toEqual(['Q3 Supply Chain Webinar']);
    // Nothing says it is still updating.
    expect(screen.queryByText(/updating/)).not.toBeInTheDocument();
    expect(downloadTable()).toBeDisabled();

    api.getReport.mockResolvedValueOnce(REPORT);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId('report-row')).toHaveLength(3);
    expect(screen.queryByTestId('report-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-as-of')).not.toBeInTheDocument();
  });

  it('does not show the kept report once another grouping was chosen', async () => {
    const { api } = slowBackground();
    const kept = deferred<LastReportView | null>();
    api.getLastReport.mockImplementationOnce(() => kept.promise);
    render(<ReportApp api={api} now={now} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Lead source' }));
    await act(async () => kept.resolve(KEPT));
    expect(screen.getByTestId('report-loading')).toBeInTheDocument();
    expect(screen.queryByTestId('report-row')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-as-of')).not.toBeInTheDocument();
    expect(api.getLastReport).toHaveBeenCalledTimes(1);
  });

  it('keeps the label on the kept trend while another grouping loads, and stops saying "updating" when that fails', async () => {
    const { api } = slowBackground();
    render(<ReportApp api={api} now={now} />);
    await screen.findByTestId('report-as-of');
    api.getReport.mockRejectedValueOnce(new Error('Background not answering'));
    await userEvent.click(screen.getByRole('tab', { name: 'Lead source' }));
    expect(await screen.findByTestId('report-error')).toHaveTextContent('Could not load the report');
    // The trend shown is still the kept one, and says so.
    expect(screen.getByRole('heading', { name: 'Good-lead rate per campaign over time' })).toBeInTheDocument();
    expect(screen.getByTestId('report-as-of')).toHaveTextContent(/^Showing the report as of 10:32 AM$/);
  });

  it('has no axe violations with the kept report, its label and a failed update shown', async () => {
    const { api, fresh } = slowBackground();
    const { container } = render(<ReportApp api={api} now={now} />);
    await screen.findByTestId('report-as-of');
    expect((await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations).toEqual([]);
    await act(async () => fresh.reject(new Error('Background not answering')));
    expect((await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations).toEqual([]);
  });
});
