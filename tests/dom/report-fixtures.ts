import type { ReportRow } from '@/lib/domain/report-schema';
import type { ReportView } from '@/lib/messaging/protocol';

/** The report the page tests show: invented campaigns, verdicts and team. */

// Thursday 26 Nov 2026, mid-afternoon local time; periods end at the next local midnight.
const NOW = new Date(2026, 10, 26, 15, 30);
export const now = () => NOW;
export const iso = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();
export const TOMORROW = iso(2026, 11, 27);

export function row(overrides: Partial<ReportRow> & Pick<ReportRow, 'key' | 'label'>): ReportRow {
  return { leadsTouched: 0, verdicts: 0, good: 0, bad: 0, goodRate: null, topRejection: null, topDisqualification: null, ...overrides };
}

export const ROWS: ReportRow[] = [
  row({
    key: 'cmp-001',
    label: 'Q3 Supply Chain Webinar',
    leadsTouched: 12,
    verdicts: 4,
    good: 3,
    bad: 1,
    goodRate: 0.75,
    topDisqualification: { reasonId: 'no_budget', label: 'No budget', count: 1 },
  }),
  row({
    key: 'cmp-003',
    label: 'Google Ads – Logistics BI',
    leadsTouched: 30,
    verdicts: 6,
    good: 1,
    bad: 5,
    goodRate: 1 / 6,
    topRejection: { reasonId: 'wrong_person', label: 'Wrong person / misrouted', count: 3 },
    topDisqualification: { reasonId: 'no_need', label: 'No need', count: 2 },
  }),
  row({ key: 'cmp-010', label: 'Customer Stories, "Operations"', leadsTouched: 5, verdicts: 0 }),
];

const month = (m: number) => new Date(Date.UTC(2026, m - 1, 1)).toISOString();
export const REPORT: ReportView = {
  rows: ROWS,
  trend: [
    {
      campaignId: 'cmp-001',
      label: 'Q3 Supply Chain Webinar',
      series: [
        { bucketStart: month(9), verdicts: 0, good: 0, goodRate: null },
        { bucketStart: month(10), verdicts: 2, good: 1, goodRate: 0.5 },
        { bucketStart: month(11), verdicts: 2, good: 2, goodRate: 1 },
      ],
    },
    {
      campaignId: 'cmp-003',
      label: 'Google Ads – Logistics BI',
      series: [
        { bucketStart: month(9), verdicts: 3, good: 1, goodRate: 1 / 3 },
        { bucketStart: month(10), verdicts: 0, good: 0, goodRate: null },
        { bucketStart: month(11), verdicts: 3, good: 0, goodRate: 0 },
      ],
    },
  ],
  slaByOwner: null,
  slaByCampaign: null,
  basis: 'Computed in this browser from Demo data and the feedback given here',
  scope: {
    verdicts: 412,
    reps: 9,
    from: 'HubSpot',
    asOf: '2026-11-26T10:32:00.000Z',
    onlyMine: false,
    me: 'alex.rivera@brightwave.example',
  },
  model: 'any',
};
