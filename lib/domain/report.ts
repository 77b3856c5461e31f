import type { Contact } from './contact';
import type { Feedback } from './feedback';
import { attributionFor } from './report-attribution';
import { latestVerdicts, observedByEmail, reasonResolver, slaOutcome, topReason, touchesByEmail, inPeriod } from './report-data';
import type { DrillDownRow, Period, ReportData, ReportOptions, ReportRow, SlaCounts } from './report-schema';

/**
 * The closed-loop report: for each campaign, source, persona or asset, how many
 * leads it touched, what sales said about them and why leads were turned away.
 * Computed from the local cache only; every input is passed in.
 */

export * from './report-schema';
export { NO_PERSONA_KEY, NO_SOURCE_KEY, PERSONA_FIT_THRESHOLD } from './report-attribution';
export { goodRateOverTime } from './report-trend';
export { slaByCampaign, slaByOwner } from './report-sla';
export { feedbackToCsv, toCsv, type CsvColumn, type CsvValue } from './csv';

interface Bucket {
  touched: Set<string>;
  verdicts: Map<string, Feedback>;
  handoffs: SlaCounts;
}

/**
 * One row per key with activity in the period. Only each contact's latest verdict
 * inside the period counts, credited to whatever touched the contact before it
 * was given; so a verdict may concern a lead the campaign touched before the
 * period. Rows are ordered by leads touched, then label.
 */
export function buildReport(o: ReportOptions): ReportRow[] {
  const touches = touchesByEmail(o.touches);
  const contacts = new Map(o.contacts.map((c) => [c.email, c]));
  const attr = attributionFor(o.dimension, o, o.period, touches, contacts);
  const reasons = reasonResolver(o, touches);
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { touched: new Set(), verdicts: new Map(), handoffs: { met: 0, untimed: 0, missed: 0, open: 0 } }));
    return b;
  };

  for (const email of touches.keys()) for (const key of attr.touched(email)) bucket(key).touched.add(email);
  for (const c of o.contacts) for (const key of attr.touched(c.email)) bucket(key).touched.add(c.email);
  for (const [email, f] of latestVerdicts(o.feedback, o.period)) {
    for (const key of attr.credited(email, Date.parse(f.createdAt))) {
      const b = bucket(key);
      b.verdicts.set(email, f);
      if (attr.perContact) b.touched.add(email);
    }
  }
  if (o.slaSettings) {
    const observed = observedByEmail(o.observed);
    for (const c of o.contacts) {
      if (!c.handoffAt || !inPeriod(c.handoffAt, o.period)) continue;
      const key = attr.handoff(c);
      const outcome = slaOutcome(c, touches.get(c.email), o.slaSettings, o.now, {
        observed: observed.get(c.email),
        worked: o.workedStatuses,
      });
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

/**
 * The contacts behind one campaign row: touched by it in the period, or judged in
 * the period after it touched them; each with the verdict that counted. Newest
 * touch first. The rows with a verdict add up to the campaign row's `verdicts`.
 */
export function drillDown(campaignId: string, o: ReportData & { period: Period }): DrillDownRow[] {
  const touches = touchesByEmail(o.touches);
  const contacts = new Map<string, Contact>(o.contacts.map((c) => [c.email, c]));
  const attr = attributionFor('campaign', o, o.period, touches, contacts);
  const reasons = reasonResolver(o, touches);
  const verdicts = latestVerdicts(o.feedback, o.period);
  const emails = new Set([...touches.keys()].filter((e) => attr.touched(e).includes(campaignId)));
  for (const [email, f] of verdicts) {
    if (attr.credited(email, Date.parse(f.createdAt)).includes(campaignId)) emails.add(email);
  }

  const rows = [...emails].map((email): DrillDownRow => {
    const c = contacts.get(email);
    const f = verdicts.get(email);
    // A verdict credited elsewhere (given before this campaign reached the lead) is not this campaign's.
    const counted = f && attr.credited(email, Date.parse(f.createdAt)).includes(campaignId) ? f : undefined;
    const last = (touches.get(email) ?? []).filter((t) => t.campaignId === campaignId && Date.parse(t.date) < o.period.to.getTime()).at(-1);
    return {
      email,
      ...(c?.name ? { name: c.name } : {}),
      ...(c?.company ? { company: c.company } : {}),
      ...(last ? { lastTouchAt: last.date } : {}),
      ...(counted ? { verdict: counted.verdict, author: counted.author, feedbackAt: counted.createdAt } : {}),
      ...(counted?.reasonId ? { reasonId: counted.reasonId } : {}),
      ...(counted?.note ? { note: counted.note } : {}),
      reasonLabel: reasons.label(counted?.reasonId),
    };
  });
  const at = (r: DrillDownRow) => (r.lastTouchAt ? Date.parse(r.lastTouchAt) : 0);
  return rows.sort((a, b) => at(b) - at(a) || a.email.localeCompare(b.email));
}
