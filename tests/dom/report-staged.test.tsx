import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SORT, reportColumns } from '@/components/report/report-columns';
import { ReportTable } from '@/components/report/report-table';
import { useKeepReportData } from '@/components/report/use-keep-report-data';
import type { ReportRow } from '@/lib/domain/report-schema';

const row = (i: number): ReportRow => ({
  key: `asset-${i}`,
  label: `Asset ${i}`,
  leadsTouched: 1000 - i,
  verdicts: 0,
  good: 0,
  bad: 0,
  goodRate: null,
  topRejection: null,
  topDisqualification: null,
});

describe('ReportTable with a long list', () => {
  it('paints the first hundred rows first, then all of them', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i));
    render(<ReportTable rows={rows} columns={reportColumns('asset', false)} sort={DEFAULT_SORT} onSort={() => {}} caption="By asset" />);
    expect(screen.getAllByTestId('report-row')).toHaveLength(100);
    expect(screen.getAllByTestId('report-row')[0]?.textContent).toContain('Asset 0');
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(300));
  });

  it('renders a short table at once', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i));
    render(<ReportTable rows={rows} columns={reportColumns('asset', false)} sort={DEFAULT_SORT} onSort={() => {}} caption="By asset" />);
    expect(screen.getAllByTestId('report-row')).toHaveLength(40);
  });
});

describe('useKeepReportData', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks the background every 20 s while the page is in view, and not while it is hidden', () => {
    vi.useFakeTimers();
    const keep = vi.fn(async () => {});
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const { unmount } = renderHook(() => useKeepReportData(keep));
    act(() => void vi.advanceTimersByTime(19_999));
    expect(keep).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(keep).toHaveBeenCalledTimes(1);
    visibility = 'hidden';
    act(() => void vi.advanceTimersByTime(60_000));
    expect(keep).toHaveBeenCalledTimes(1);
    visibility = 'visible';
    act(() => void vi.advanceTimersByTime(20_000));
    expect(keep).toHaveBeenCalledTimes(2);
    unmount();
    act(() => void vi.advanceTimersByTime(60_000));
    expect(keep).toHaveBeenCalledTimes(2);
  });
});
