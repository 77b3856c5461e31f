import type { ReportView } from '@/lib/messaging/protocol';

/** One campaign's monthly series as the background sends it (months as ISO strings). */
type CampaignTrend = ReportView['trend'][number];
import { formatRate } from './report-columns';

/**
 * Good-lead rate per campaign per month, drawn as inline SVG: one line for each of
 * the five campaigns with most verdicts. Colours come from text-* classes through
 * currentColor, so light and dark themes each get a readable shade; each line also
 * has its own dash pattern, so it is told apart without colour. A visually hidden
 * table carries the same figures for screen readers.
 */

export const MAX_TREND_LINES = 5;

type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'ring';

type LineStyle = { color: string; dash: string | undefined; shape: Shape };

const PALETTE: readonly [LineStyle, ...LineStyle[]] = [
  { color: 'text-sky-700 dark:text-sky-300', dash: undefined, shape: 'circle' },
  { color: 'text-amber-600 dark:text-amber-300', dash: '8 4', shape: 'square' },
  { color: 'text-emerald-700 dark:text-emerald-300', dash: '2 4', shape: 'triangle' },
  { color: 'text-fuchsia-700 dark:text-fuchsia-300', dash: '12 4 2 4', shape: 'diamond' },
  { color: 'text-slate-800 dark:text-slate-100', dash: '4 2', shape: 'ring' },
];

/**
 * A point marker; shapes differ per line so equal values stay apart without colour.
 * A month still under way is drawn hollow: its rate rests on fewer verdicts so far.
 */
function Marker({ shape, x, y, hollow = false }: { shape: Shape; x: number; y: number; hollow?: boolean }) {
  const r = 4.5;
  const paint = hollow ? { fill: 'white', stroke: 'currentColor', strokeWidth: 1.5 } : { fill: 'currentColor' };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r - 0.5} {...paint} />;
    case 'square':
      return <rect x={x - r + 0.5} y={y - r + 0.5} width={2 * r - 1} height={2 * r - 1} {...paint} />;
    case 'triangle':
      return <path d={`M${x} ${y - r - 0.5}L${x + r + 0.5} ${y + r - 0.5}L${x - r - 0.5} ${y + r - 0.5}Z`} {...paint} />;
    case 'diamond':
      return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} {...paint} />;
    case 'ring':
      return <circle cx={x} cy={y} r={r - 1} fill="none" stroke="currentColor" strokeWidth="2" />;
  }
}

/** What a point says when hovered or focused: campaign, month, rate and the verdicts behind it. */
export function pointTooltip(
  label: string,
  month: string,
  p: { goodRate: number | null; verdicts: number; good: number; partial?: boolean },
): string {
  const partial = p.partial ? ' (month to date)' : '';
  return `${label}, ${month}${partial}: ${formatRate(p.goodRate)} good, ${p.good} of ${p.verdicts} ${p.verdicts === 1 ? 'verdict' : 'verdicts'}`;
}

const W = 720;
const H = 260;
const M = { top: 12, right: 20, bottom: 32, left: 48 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const DAY_MS = 86_400_000;

/** About the width of an axis label at the chart's 12 px. */
const labelWidth = (text: string) => text.length * 6.5;

const monthFmt = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * A bucket's month. Buckets start at local midnight of the 1st in the team's time
 * zone, which in UTC may still be the last day of the month before; a week in is
 * safely inside the month whatever the zone.
 */
function monthLabel(bucketStart: Date | string): string {
  return monthFmt.format(new Date(new Date(bucketStart).getTime() + 7 * DAY_MS));
}

/** The campaigns worth a line: most verdicts in the period first, then by name. */
export function topTrends(trend: readonly CampaignTrend[], max = MAX_TREND_LINES): CampaignTrend[] {
  const total = (t: CampaignTrend) => t.series.reduce((n, p) => n + p.verdicts, 0);
  return trend
    .filter((t) => total(t) > 0)
    .sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label))
    .slice(0, max);
}

export function TrendChart({ trend }: { trend: readonly CampaignTrend[] }) {
  const lines = topTrends(trend);
  if (lines.length === 0) return null;

  // Start at the first month anyone gave a verdict, so "All time" does not draw decades of nothing.
  const length = Math.max(...lines.map((l) => l.series.length));
  let first = length - 1;
  for (const l of lines) {
    const i = l.series.findIndex((p) => p.verdicts > 0);
    if (i >= 0) first = Math.min(first, i);
  }
  const months = (lines[0]?.series ?? []).slice(first).map((p) => monthLabel(p.bucketStart));
  // The current month is not over: say so on the axis, in tooltips and in the table.
  const partialMonth = (lines[0]?.series ?? []).slice(first).map((p) => !!p.partial);
  const series = lines.map((l) => ({ ...l, points: l.series.slice(first) }));
  const n = months.length;
  const x = (i: number) => M.left + (n === 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
  // Lines sit a few pixels apart, so campaigns with the same rate in a month do not hide each other.
  const dodge = (k: number) => (k - (lines.length - 1) / 2) * 7;
  const y = (rate: number) => M.top + PLOT_H * (1 - rate);
  const every = Math.ceil(n / 8);
  const axisText = months.map((m, i) => (partialMonth[i] ? `${m} (to date)` : m));
  // Every few months and always the last, whose "(to date)" makes it long: a tick it would run into is left out.
  const lastStart = x(n - 1) - labelWidth(axisText[n - 1] ?? '');
  const onAxis = (i: number) =>
    i === n - 1 ||
    (i % every === 0 && (i === 0 ? x(0) + labelWidth(axisText[0] ?? '') : x(i) + labelWidth(axisText[i] ?? '') / 2) + 8 <= lastStart);

  const overall = (points: CampaignTrend['series']) => {
    const [v, g] = points.reduce(([v, g], p) => [v + p.verdicts, g + p.good], [0, 0]);
    return { verdicts: v, rate: v ? g / v : null };
  };
  const range = n > 1 ? `${months[0]} to ${months[n - 1]}` : months[0];
  const summary =
    `Line chart of the good-lead rate per month, ${range}, for the ${lines.length === 1 ? 'campaign' : `${lines.length} campaigns`} with most verdicts. ` +
    series
      .map((s) => {
        const o = overall(s.points);
        return `${s.label}: ${formatRate(o.rate)} good over ${o.verdicts} ${o.verdicts === 1 ? 'verdict' : 'verdicts'}`;
      })
      .join('; ') +
    '.';

  /** Path through the months with verdicts; a month without any breaks the line. */
  const path = (points: CampaignTrend['series'], dx: number) => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      if (p.goodRate === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${(x(i) + dx).toFixed(1)} ${y(p.goodRate).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };

  return (
    <figure data-testid="trend-chart" className="mt-2">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-3xl text-slate-600 dark:text-slate-300"
        fontSize="12"
      >
        {[0, 0.25, 0.5, 0.75, 1].map((r) => (
          <g key={r}>
            <line x1={M.left} x2={W - M.right} y1={y(r)} y2={y(r)} stroke="currentColor" strokeOpacity={r === 0 ? 0.6 : 0.2} />
            <text x={M.left - 8} y={y(r)} dy="0.32em" textAnchor="end" fill="currentColor">
              {r * 100}%
            </text>
          </g>
        ))}
        {axisText.map((text, i) =>
          onAxis(i) ? (
            <text
              key={text}
              x={x(i)}
              y={H - 10}
              textAnchor={n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}
              fill="currentColor"
              data-testid="trend-axis-month"
            >
              {text}
            </text>
          ) : null,
        )}
        {series.map((s, k) => {
          const style = PALETTE[k % PALETTE.length] ?? PALETTE[0];
          return (
            <g key={s.campaignId} className={style.color} data-testid="trend-line">
              <path
                d={path(s.points, dodge(k))}
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
              {s.points.map((p, i) =>
                p.goodRate === null ? null : (
                  // A native SVG tooltip on hover; screen readers get the same figures from the table below.
                  <g key={i} data-testid="trend-point">
                    <title>{pointTooltip(s.label, months[i] ?? '', p)}</title>
                    <Marker shape={style.shape} x={x(i) + dodge(k)} y={y(p.goodRate)} hollow={!!p.partial} />
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {series.map((s, k) => {
            const style = PALETTE[k % PALETTE.length] ?? PALETTE[0];
            return (
              <li key={s.campaignId} className="flex items-center gap-2">
                <svg aria-hidden="true" width="32" height="12" className={style.color}>
                  <line x1="1" x2="31" y1="6" y2="6" stroke="currentColor" strokeWidth="2.5" strokeDasharray={style.dash} />
                  <Marker shape={style.shape} x={16} y={6} />
                </svg>
                {s.label} <span className="text-slate-500 dark:text-slate-400">({overall(s.points).verdicts} verdicts)</span>
              </li>
            );
          })}
        </ul>
      </figcaption>
      <table className="sr-only">
        <caption>Good-lead rate per month and campaign</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {series.map((s) => (
              <th key={s.campaignId} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m, i) => (
            <tr key={m}>
              <th scope="row">{axisText[i]}</th>
              {series.map((s) => {
                const p = s.points[i];
                return <td key={s.campaignId}>{p && p.verdicts > 0 ? `${formatRate(p.goodRate)} of ${p.verdicts}` : 'no verdicts'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
