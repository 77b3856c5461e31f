import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportApp, type ReportApi } from '@/components/report/report-app';
import type { ReportView } from '@/lib/messaging/protocol';
import { deferred } from './fakes';
import { now, REPORT } from './report-fixtures';

// Under first touch only cmp-003 keeps verdicts in the trend.
const FIRST_TOUCH: ReportView = { ...REPORT, trend: REPORT.trend.filter((t) => t.campaignId === 'cmp-003'), model: 'first' };

/** The background answers the opening question at once, and the next one when the test says. */
function background() {
  const next = deferred<ReportView>();
  const api = {
    getReport: vi.fn(async (q: Parameters<ReportApi['getReport']>[0]) => (q.model === 'any' ? REPORT : next.promise)),
    getDrillDown: vi.fn(async () => []),
    getFeedbackCsv: vi.fn(async () => ''),
  } satisfies ReportApi;
  return { api, next };
}

const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;
const trend = () => section('Good-lead rate per campaign over time');
const legend = () =>
  within(trend())
    .getAllByRole('listitem')
    .map((li) => li.textContent);

afterEach(() => vi.restoreAllMocks());

describe('ReportApp while another attribution model loads', () => {
  it('keeps the last trend and SLA section in place, marked busy, until the new figures come', async () => {
    const { api, next } = background();
    render(<ReportApp api={api} now={now} />);
    await screen.findByTestId('report-table');
    expect(legend()).toHaveLength(2);
    expect(trend()).not.toHaveAttribute('aria-busy');

    await userEvent.click(screen.getByRole('radio', { name: 'First touch' }));
    expect(screen.getByTestId('report-loading')).toBeInTheDocument();
    // Still there: the grouping tabs below do not move while the pointer is on its way to them.
    expect(trend()).toHaveAttribute('aria-busy', 'true');
    expect(legend()).toHaveLength(2);
    expect(section('Hand-offs against the SLA')).toHaveAttribute('aria-busy', 'true');

    await act(async () => next.resolve(FIRST_TOUCH));
    expect(trend()).not.toHaveAttribute('aria-busy');
    expect(section('Hand-offs against the SLA')).not.toHaveAttribute('aria-busy');
    expect(legend()).toEqual([expect.stringContaining('Google Ads – Logistics BI')]);
  });

  it('takes the old figures away when the new ones fail, and says so', async () => {
    const { api, next } = background();
    render(<ReportApp api={api} now={now} />);
    await screen.findByTestId('report-table');
    await userEvent.click(screen.getByRole('radio', { name: 'First touch' }));
    await act(async () => next.reject(new Error('Background not answering')));
    expect(screen.getByTestId('report-error')).toHaveTextContent('Background not answering');
    expect(screen.queryByRole('heading', { name: 'Good-lead rate per campaign over time' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hand-offs against the SLA' })).not.toBeInTheDocument();
  });
});
