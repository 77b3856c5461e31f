import { attributionFor } from './report-attribution';
import { inPeriod, latestVerdicts, marketingTouchesUntil, reasonNames, reasonResolver, topReason, type ReportVerdict } from './report-data';
import { reportIndex, timedVerdicts, type TimedTouch } from './report-input';
import type {
  AttributionModel,
  DrillDownRow,
  Period,
  ReachedAsset,
  ReportData,
  ReportOptions,
  ReportRow,
  SlaCounts,
} from './report-schema';

/**
 * The closed-loop report: for each campaign, source, persona or asset, how many
 * leads it touched, what sales said about them and why leads were turned away.
 * Computed from the local cache only; every input is passed in.
 */

export * from './report-schema';
export { goodRateOverTime } from './report-trend';
export { slaByCampaign, slaByOwner } from './report-sla';
export { toCsv } from './csv';
export { feedbackToCsv } from './csv';
export { prepareReportData } from './report-input';

interface Bucket {
  touched: Set<string>;
  verdicts: Map<string, ReportVerdict>;
  handoffs: SlaCounts;
}

/**
 * One row per key with activity in the period. Only each contact's latest verdict
 * inside the period counts, credited to whatever touched the contact before it
 * was given; so a verdict may concern a lead the campaign touched before the
 * period. Rows are ordered by leads touched, then label.
 */
export function buildReport(o: ReportOptions): ReportRow[] {
  const index = reportIndex(o);
  const touches = index.touches;
  const attr = attributionFor(o.dimension, o, o.period, index, o.model);
  const reasons = reasonResolver(o, touches);
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { touched: new Set(), verdicts: new Map(), handoffs: { met: 0, untimed: 0, missed: 0, open: 0 } }));
    return b;
  };

  for (const email of touches.keys()) for (const key of attr.touched(email)) bucket(key).touched.add(email);
  // Contacts with touches were counted just above, under the same keys.
  for (const c of o.contacts) if (!touches.has(c.email)) for (const key of attr.touched(c.email)) bucket(key).touched.add(c.email);
  for (const [verdict, { f, at }] of latestVerdicts(timedVerdicts(o.feedback), o.period)) {
    for (const key of attr.credited(f.email, at)) {
      const b = bucket(key);
      b.verdicts.set(verdict, f);
      if (attr.perContact) b.touched.add(f.email);
    }
  }
  if (o.slaSettings) {
    for (const c of o.contacts) {
      if (!c.handoffAt || !inPeriod(c.handoffAt, o.period)) continue;
      const key = attr.handoff(c);
      const outcome = index.slaOutcome(c, o.slaSettings, o.now, o.workedStatuses);
      if (key !== undefined && outcome) bucket(key).handoffs[outcome] += 1;
    }
  }

  const rows = [...buckets].map(([key, b]): ReportRow => {
    const verdicts = [...b.verdicts.values()];
    const good = verdicts.filter((f) => f.verdict === 'good').length;
    return {
      key,
      label: attr.label(key),
      leadsTouched: b.touched.size,
      verdicts: verdicts.length,
      good,
      bad: verdicts.length - good,
      goodRate: verdicts.length ? good / verdicts.length : null,
      topRejection: topReason(verdicts, 'rejection', reasons),
      topDisqualification: topReason(verdicts, 'disqualification', reasons),
      ...(o.slaSettings ? { handoffs: b.handoffs } : {}),
    };
  });
  return rows.sort((a, b) => b.leadsTouched - a.leadsTouched || a.label.localeCompare(b.label));
}

// The drill-down is a list to read, not an export: the newest assets say enough.
const MAX_ASSETS = 30;

/** The marketing assets that reached a prospect up to an instant, newest first, each asset once. */
function reachedAssets(touches: readonly TimedTouch[] | undefined, until: number, campaignName: (id: string) => string): ReachedAsset[] {
  const seen = new Set<string>();
  const out: ReachedAsset[] = [];
  for (const { touch: t } of marketingTouchesUntil(touches, until - 1).reverse()) {
    const key = `${t.campaignId}::${t.assetName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: t.assetName, type: t.assetType, campaign: campaignName(t.campaignId), date: t.date });
    if (out.length === MAX_ASSETS) break;
  }
  return out;
}

/**
 * The contacts behind one campaign row: touched by it in the period, or judged in
 * the period after it reached them (as the attribution model credits it); one row
 * per contact and rep who judged them, else one per contact, each with the assets
 * that reached the prospect. Newest touch first. The rows with a verdict add up to
 * the campaign row's `verdicts`.
 */
export function drillDown(campaignId: string, o: ReportData & { period: Period; model?: AttributionModel }): DrillDownRow[] {
  const index = reportIndex(o);
  const { touches, contacts } = index;
  const attr = attributionFor('campaign', o, o.period, index, o.model);
  const reasons = reasonNames(o.reasons);
  const campaignName = (id: string) => index.campaignName(id);
  const counted = new Map<string, ReportVerdict[]>();
  for (const { f, at } of latestVerdicts(timedVerdicts(o.feedback), o.period).values()) {
    // A verdict credited elsewhere (given before this campaign reached the lead) is not this campaign's.
    if (attr.credited(f.email, at).includes(campaignId)) counted.set(f.email, [...(counted.get(f.email) ?? []), f]);
  }
  const emails = new Set([...touches.keys()].filter((e) => attr.touched(e).includes(campaignId)));
  for (const email of counted.keys()) emails.add(email);

  const rows = [...emails].flatMap((email): DrillDownRow[] => {
    const c = contacts.get(email);
    const to = o.period.to.getTime();
    const last = (touches.get(email) ?? []).filter((t) => t.touch.campaignId === campaignId && t.at < to).at(-1)?.touch;
    const base = {
      email,
      ...(c?.name ? { name: c.name } : {}),
      ...(c?.company ? { company: c.company } : {}),
      ...(last ? { lastTouchAt: last.date } : {}),
      assets: reachedAssets(touches.get(email), o.period.to.getTime(), campaignName),
    };
    const verdicts = counted.get(email);
    if (!verdicts) return [{ ...base, reasonLabel: '' }];
    return verdicts.map((f) => ({
      ...base,
      verdict: f.verdict,
      author: f.author,
      feedbackAt: f.createdAt,
      ...(f.reasonId ? { reasonId: f.reasonId } : {}),
      ...(f.note ? { note: f.note } : {}),
      reasonLabel: reasons.of(f)?.label ?? '',
    }));
  });
  const at = (r: DrillDownRow) => (r.lastTouchAt ? Date.parse(r.lastTouchAt) : 0);
  return rows.sort((a, b) => at(b) - at(a) || a.email.localeCompare(b.email) || (a.author ?? '').localeCompare(b.author ?? ''));
}
