import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TrendChart } from '@/components/report/trend-chart';

/** One campaign with a verdict in every month from June 2025 to December 2026 (19 months). */
function nineteenMonths(lastUnderWay: boolean) {
  const series = Array.from({ length: 19 }, (_, i) => ({
    bucketStart: new Date(Date.UTC(2025, 5 + i, 1)).toISOString(),
    verdicts: 2,
    good: 1,
    goodRate: 0.5,
    ...(lastUnderWay && i === 18 ? { partial: true } : {}),
  }));
  return [{ campaignId: 'cmp-001', label: 'Q3 Supply Chain Webinar', series }];
}

const axis = () => screen.getAllByTestId('trend-axis-month').map((t) => t.textContent);

describe('the trend chart’s month axis', () => {
  it('labels every third month of 19, and the last', () => {
    render(<TrendChart trend={nineteenMonths(false)} />);
    expect(axis()).toEqual(['Jun 2025', 'Sep 2025', 'Dec 2025', 'Mar 2026', 'Jun 2026', 'Sep 2026', 'Dec 2026']);
  });

  it('leaves out the month the last one’s longer “(to date)” label would run into', () => {
    // 652 px of plot over 18 steps: "Dec 2026 (to date)" (about 117 px, right-aligned) reaches past
    // where "Sep 2026", three steps (109 px) before it, is centred.
    render(<TrendChart trend={nineteenMonths(true)} />);
    expect(axis()).toEqual(['Jun 2025', 'Sep 2025', 'Dec 2025', 'Mar 2026', 'Jun 2026', 'Dec 2026 (to date)']);
  });
});
