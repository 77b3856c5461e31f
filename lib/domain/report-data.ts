import type { Touch } from './campaign';
import type { Contact } from './contact';
import { DEFAULT_REASON_DEFINITIONS, type ReasonDefinition, type ReasonGroup } from './reason-definition';
import type { Period, ReportData, ReportVerdict, TopReason } from './report-schema';

export type { ReportVerdict } from './report-schema';
import { firstTouchTime, resolveFirstTouch } from './first-touch';
import type { ObservedTouch } from './observed-touch';
import type { TimedTouch, TimedVerdict } from './report-input';
import { authorKey } from './team-verdict';
import { slaState, type SlaSettings } from './sla';

/** Shared joins for the report modules; the cache hands over flat arrays, indexed once in report-input. */

const ms = (iso: string) => Date.parse(iso);

/** True when an instant (epoch ms) falls in [from, to). */
export function within(t: number, p: Period): boolean {
  return t >= p.from.getTime() && t < p.to.getTime();
}

/** True when an ISO time falls in [from, to). */
export function inPeriod(iso: string, p: Period): boolean {
  return within(ms(iso), p);
}

/** The key of one rep's verdict on one contact: each rep's current verdict counts once. */
export const verdictKey = (f: Pick<ReportVerdict, 'author' | 'email'>) => `${authorKey(f.author)}\n${f.email}`;

/**
 * Each rep's latest verdict on each contact given inside the period; a rep who
 * changes their mind replaces (supersedes) the earlier verdict, and two reps who
 * judged the same lead both count. Verdicts outside the period are ignored, so a
 * closed period's figures do not move when someone revisits a lead later. Keyed
 * by verdictKey; the value's email says whose contact it is.
 */
export function latestVerdicts<F extends ReportVerdict>(verdicts: readonly TimedVerdict<F>[], p: Period): Map<string, TimedVerdict<F>> {
  const out = new Map<string, TimedVerdict<F>>();
  for (const v of verdicts) {
    if (!within(v.at, p)) continue;
    const key = verdictKey(v.f);
    const prev = out.get(key);
    // `>=` so that of two verdicts stamped the same instant, the later-stored one wins.
    if (!prev || v.at >= prev.at) out.set(key, v);
  }
  return out;
}

/** Marketing touches on or before an instant; sales activities are not campaign attribution. */
export function marketingTouchesUntil(touches: readonly TimedTouch[] | undefined, until: number): TimedTouch[] {
  return (touches ?? []).filter((t) => t.at <= until && !t.sales);
}

/** The marketing touch that preceded the hand-off, i.e. the one that tipped the lead over. */
export function handoffTouch(contact: Contact, touches: readonly TimedTouch[] | undefined): Touch | undefined {
  if (!contact.handoffAt) return undefined;
  return marketingTouchesUntil(touches, ms(contact.handoffAt)).at(-1)?.touch;
}

export type SlaOutcome = 'met' | 'untimed' | 'missed' | 'open';

/**
 * Hand-off outcome: met, worked without a recorded time, missed (late, or
 * untouched past due) or still open; null without a hand-off. Of the contact's
 * touches only sales activities can be a first touch, so those suffice.
 */
export function slaOutcome(
  contact: Contact,
  touches: readonly Touch[] | undefined,
  settings: SlaSettings,
  now: Date,
  extras: { observed?: readonly ObservedTouch[]; worked?: readonly string[] } = {},
): SlaOutcome | null {
  if (!contact.handoffAt) return null;
  const first = resolveFirstTouch(contact, { touches: touches ?? [], ...extras, timeZone: settings.timeZone });
  const at = firstTouchTime(first);
  if (first && !at) return 'untimed';
  const s = slaState({ handoffAt: contact.handoffAt, firstTouchAt: at, now, settings });
  if (s.state === 'met') return 'met';
  if (s.state === 'missed' || s.state === 'overdue') return 'missed';
  return s.state === 'no_handoff' ? null : 'open';
}

/** A verdict's reason as the report names it; no `reasonId` for a label the team's list does not hold. */
export type NamedReason = { reasonId?: string; label: string };

/**
 * Names a verdict's reason: by its id from the team's list (a retired id by itself), else
 * by the label an older Salesforce Task or a feedback file's row carries, which counts as
 * the listed reason of that label, or as a reason of its own.
 */
export function reasonNames(defs: readonly ReasonDefinition[] = DEFAULT_REASON_DEFINITIONS) {
  const byId = new Map<string, ReasonDefinition>(defs.map((r) => [r.id, r]));
  const byLabel = new Map<string, ReasonDefinition>();
  // Of two reasons with one label, the one listed first.
  for (const r of [...defs].reverse()) byLabel.set(r.label.trim().toLowerCase(), r);
  const definition = (f: Pick<ReportVerdict, 'reasonId' | 'reasonLabel'>) =>
    f.reasonId ? byId.get(f.reasonId) : f.reasonLabel ? byLabel.get(f.reasonLabel.trim().toLowerCase()) : undefined;
  return {
    definition,
    of(f: Pick<ReportVerdict, 'reasonId' | 'reasonLabel'>): NamedReason | null {
      if (f.reasonId) return { reasonId: f.reasonId, label: byId.get(f.reasonId)?.label ?? f.reasonId };
      const label = f.reasonLabel?.trim();
      if (!label) return null;
      const known = definition(f);
      return known ? { reasonId: known.id, label: known.label } : { label };
    },
    /** Where a reason stands in the team's list; one known only by its label comes after them all. */
    order(id: string | undefined) {
      const i = id === undefined ? -1 : defs.findIndex((r) => r.id === id);
      return i < 0 ? defs.length : i;
    },
  };
}

/** Looks up reason labels and groups, tolerating reasons that have since been retired. */
export function reasonResolver(data: Pick<ReportData, 'reasons'>, touches: ReadonlyMap<string, readonly TimedTouch[]>) {
  const names = reasonNames(data.reasons ?? DEFAULT_REASON_DEFINITIONS);
  return {
    ...names,
    /**
     * A reason nobody defines any more has no group; infer it the way the groups are
     * defined: rejected if sales had not yet made contact, disqualified if it had.
     */
    group(f: ReportVerdict): ReasonGroup {
      const known = names.definition(f);
      if (known) return known.group;
      if (f.verdict === 'good') return 'good';
      const at = ms(f.createdAt);
      const contacted = (touches.get(f.email) ?? []).some((t) => t.sales && t.at <= at);
      return contacted ? 'disqualification' : 'rejection';
    },
  };
}
export type ReasonResolver = ReturnType<typeof reasonResolver>;

/** The most frequent reason among verdicts of one group; ties go to the reason listed first. */
export function topReason(verdicts: Iterable<ReportVerdict>, group: ReasonGroup, reasons: ReasonResolver): TopReason | null {
  // Keyed by id; a label the list does not hold by itself (no id starts with a line break).
  const counts = new Map<string, TopReason>();
  for (const f of verdicts) {
    const reason = reasons.of(f);
    if (!reason || reasons.group(f) !== group) continue;
    const key = reason.reasonId ?? `\n${reason.label}`;
    counts.set(key, { ...reason, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  let best: [string, TopReason] | null = null;
  for (const entry of counts) {
    const [key, r] = entry;
    const better =
      !best ||
      r.count > best[1].count ||
      (r.count === best[1].count && (reasons.order(r.reasonId) - reasons.order(best[1].reasonId) || key.localeCompare(best[0])) < 0);
    if (better) best = entry;
  }
  return best?.[1] ?? null;
}
