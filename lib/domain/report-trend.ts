import { creditedTouches } from './report-attribution';
import { latestVerdicts } from './report-data';
import { reportIndex, timedVerdicts } from './report-input';
import type { AttributionModel, CampaignTrend, Period, ReportData, TrendPoint } from './report-schema';
import { type LocalDate, addDays, localDateOf, weekdayOf, zonedToUtc } from './zoned-time';

/**
 * Good-lead rate per campaign over time, so marketing can see whether a change to
 * a campaign (new targeting, new asset) changed what sales thinks of its leads.
 */

export type TrendBucket = 'month' | 'week';

/** The first calendar day of the bucket containing `day`; weeks start on Monday. */
function bucketDay(day: LocalDate, bucket: TrendBucket): LocalDate {
  return bucket === 'month' ? { ...day, day: 1 } : addDays(day, -((weekdayOf(day) + 6) % 7));
}

function nextBucketDay(day: LocalDate, bucket: TrendBucket): LocalDate {
  if (bucket === 'week') return addDays(day, 7);
  return day.month === 12 ? { year: day.year + 1, month: 1, day: 1 } : { year: day.year, month: day.month + 1, day: 1 };
}

/**
 * One series per campaign that received verdicts in the period, with a point for
 * every bucket (empty ones too, goodRate null) so charts share one time axis.
 * Within a bucket only each contact's latest verdict counts. Buckets follow the
 * calendar of `timeZone` (default UTC); the first and last may be partial.
 */
export function goodRateOverTime(
  o: Pick<ReportData, 'touches' | 'campaigns' | 'feedback' | 'index'> & {
    period: Period;
    bucket: TrendBucket;
    timeZone?: string;
    model?: AttributionModel;
    /** Buckets that end after this instant are marked partial. */
    now?: Date;
  },
): CampaignTrend[] {
  const tz = o.timeZone ?? 'UTC';
  const index = reportIndex(o);
  const [from, to] = [o.period.from.getTime(), o.period.to.getTime()];
  const starts: number[] = [];
  // Guard of ten years of weeks keeps a mistyped period from spinning.
  for (let d = bucketDay(localDateOf(from, tz), o.bucket); starts.length < 520; d = nextBucketDay(d, o.bucket)) {
    const start = zonedToUtc(d, 0, 0, tz);
    if (start >= to) break;
    starts.push(start);
  }

  const counts = new Map<string, { verdicts: number; good: number }[]>();
  starts.forEach((start, i) => {
    const end = Math.min(starts[i + 1] ?? to, to);
    const slice = { from: new Date(Math.max(start, from)), to: new Date(end) };
    for (const { f, at } of latestVerdicts(timedVerdicts(o.feedback), slice).values()) {
      const campaigns = new Set(creditedTouches(index.touches.get(f.email), at, o.model).map((t) => t.touch.campaignId));
      for (const id of campaigns) {
        let series = counts.get(id);
        if (!series) counts.set(id, (series = starts.map(() => ({ verdicts: 0, good: 0 }))));
        const point = series[i];
        if (!point) continue;
        point.verdicts += 1;
        if (f.verdict === 'good') point.good += 1;
      }
    }
  });

  return [...counts]
    .map(([campaignId, series]) => ({
      campaignId,
      label: index.campaignName(campaignId),
      series: series.map((p, i): TrendPoint => ({
        bucketStart: new Date(starts[i] ?? 0),
        ...p,
        goodRate: p.verdicts ? p.good / p.verdicts : null,
        ...(o.now && (starts[i + 1] ?? to) > o.now.getTime() ? { partial: true } : {}),
      })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
