import type { Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import { reasonsFor } from '../domain/feedback-reasons';
import { rankPersonas } from '../domain/persona-match';
import { isSalesActivity } from '../domain/sales-activity';
import { CAMPAIGN_SPECS } from './campaigns';
import { DAY_MS, DEMO_NOW_MS, HOUR_MS, iso } from './dates';
import { RECENT_HANDOFFS, type DemoData } from './demo-data';
import { FEATURED_CONTACTS } from './featured';
import { OWNERS } from './people';
import { createRng, type Rng } from './random';

/**
 * Eighteen months of verdicts by Brightwave's five reps, as a marketer would find
 * them in the team's CRM. Rates differ clearly by campaign, lead source and
 * persona (and a little by rep), so the report has something to say. Featured
 * contacts are left alone: the demo's own clicks on them are the only verdicts.
 * So are the hand-offs the demo shows still waiting for a first touch: a rep who
 * had judged them would not be due to touch them.
 */

export type DemoVerdict = Pick<
  Feedback,
  'id' | 'email' | 'verdict' | 'reasonId' | 'note' | 'author' | 'createdAt' | 'kind' | 'recycleOn'
> & {
  supersedes?: string;
};

const SEED = 20261122;

/** Each rep as the CRM signs their verdicts. */
export const DEMO_REPS: Readonly<Record<(typeof OWNERS)[number], string>> = {
  'Alex Rivera': 'Alex Rivera <alex.rivera@brightwave.example>',
  'Jamie Chen': 'Jamie Chen <jamie.chen@brightwave.example>',
  'Morgan Patel': 'Morgan Patel <morgan.patel@brightwave.example>',
  'Sam Okonkwo': 'Sam Okonkwo <sam.okonkwo@brightwave.example>',
  'Riley Novak': 'Riley Novak <riley.novak@brightwave.example>',
};

// Log-odds of a good verdict. Partner and event leads are warm; paid social and the
// aborted retargeting campaign bring the wrong people; personas matter most.
const CAMPAIGN_TYPE: Readonly<Record<string, number>> = {
  partner: 1.1,
  event: 0.8,
  webinar: 0.5,
  content: 0,
  email_nurture: -0.2,
  paid_search: -0.4,
  paid_social: -1.1,
};
const CAMPAIGN: Readonly<Record<string, number>> = { 'cmp-010': 1, 'cmp-021': -1.6, 'cmp-026': -0.5, 'cmp-016': 1.2 };
const SOURCE: Readonly<Record<string, number>> = {
  partner: 0.7,
  referral: 0.6,
  event: 0.4,
  webinar: 0.3,
  organic_search: 0.1,
  paid_search: -0.2,
  paid_social: -0.8,
  sales_prospecting: -0.4,
};
const PERSONA: Readonly<Record<string, number>> = {
  'ops-leader': 1,
  'finance-exec': 0.6,
  'data-practitioner': 0.2,
  'it-gatekeeper': -0.7,
};
const STAGE: Readonly<Record<string, number>> = { opportunity: 2.5, customer: 2.5, sql: 0.8, mql: 0, lead: -0.5 };
const REP: Readonly<Record<string, number>> = { 'Alex Rivera': 0.2, 'Riley Novak': -0.4 };

const NOTES = {
  good: [
    'Booked a discovery call for next week.',
    'Budget approved for Q1.',
    'Exactly the team we sell to.',
    'Evaluating us against two others.',
  ],
  bad: ['No project this year.', 'Student doing research.', 'Already signed with a competitor.', 'Wrong department; no intro offered.'],
} as const;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const campaignType = new Map(CAMPAIGN_SPECS.map((s) => [s.campaign.id, s.campaign.type]));

function goodOdds(contact: Contact, before: readonly Touch[], persona: string | undefined): number {
  const campaigns = [...new Set(before.map((t) => t.campaignId))];
  const effect = campaigns.map((id) => CAMPAIGN[id] ?? CAMPAIGN_TYPE[campaignType.get(id) ?? ''] ?? 0);
  const campaign = effect.length ? effect.reduce((a, b) => a + b, 0) / effect.length : 0;
  return (
    0.2 +
    2.6 * campaign +
    (SOURCE[contact.originalSource?.channel ?? ''] ?? 0) +
    (persona ? (PERSONA[persona] ?? 0) : -1.6) +
    (STAGE[contact.lifecycleStage ?? ''] ?? 0) +
    (REP[contact.owner ?? ''] ?? 0)
  );
}

function reasonFor(rng: Rng, good: boolean, contacted: boolean, persona: string | undefined): string | undefined {
  if (good) return rng.chance(0.8) ? rng.pick(reasonsFor('good').map((r) => r.id)) : undefined;
  if (!persona && rng.chance(0.5)) return rng.pick(['outside_target', 'not_a_buyer']);
  const group = contacted ? 'disqualification' : 'rejection';
  return rng.pick(
    reasonsFor('bad')
      .filter((r) => r.group === group && !r.carriesDate)
      .map((r) => r.id),
  );
}

function reasonOf(rng: Rng, recycle: boolean, at: number, good: boolean, contacted: boolean, persona: string | undefined) {
  if (recycle) return { reasonId: 'recycle_nurture', recycleOn: iso(at + rng.int(60, 150) * DAY_MS).slice(0, 10) };
  const reasonId = reasonFor(rng, good, contacted, persona);
  return reasonId ? { reasonId } : {};
}

/** The demo team's verdicts, oldest first; deterministic for the deterministic demo dataset. */
export function generateDemoVerdicts(data: DemoData): DemoVerdict[] {
  const rng = createRng(SEED);
  const featured = new Set(FEATURED_CONTACTS.map((f) => f.contact.email));
  const byEmail = new Map<string, Touch[]>();
  for (const t of [...data.touches].sort((a, b) => a.date.localeCompare(b.date)))
    byEmail.set(t.email, [...(byEmail.get(t.email) ?? []), t]);
  const out: DemoVerdict[] = [];
  let seq = 0;
  const id = () => `demo-fb-${String(++seq).padStart(5, '0')}`;

  for (const c of data.contacts) {
    const touches = byEmail.get(c.email) ?? [];
    const marketing = touches.filter((t) => !isSalesActivity(t));
    const owner = c.owner as keyof typeof DEMO_REPS | undefined;
    if (featured.has(c.email) || !owner || !DEMO_REPS[owner] || marketing.length === 0) continue;
    if (!rng.chance(c.handoffAt ? 0.85 : 0.6)) continue;
    // Fresh MQLs are often answered with a hand-off decision (accept or reject) within a day or two.
    const handoff = !!c.handoffAt && c.lifecycleStage === 'mql' && rng.chance(0.5);
    // Leads not handed over are judged after some touch along the way, so verdicts span the whole history.
    // Leaning to earlier touches keeps the first months of the history from being empty.
    const early = marketing[Math.floor(rng.next() ** 2 * marketing.length)] ?? marketing[0];
    const base = Date.parse(c.handoffAt ?? early?.date ?? '');
    let at = base + (handoff ? rng.int(1, 40) * HOUR_MS : rng.int(1, 25) * DAY_MS + rng.int(0, 8) * HOUR_MS);
    if (at > DEMO_NOW_MS) at = Math.max(base + HOUR_MS, DEMO_NOW_MS - rng.int(2, 72) * HOUR_MS);
    if (at > DEMO_NOW_MS || at <= base) continue;
    const before = marketing.filter((t) => Date.parse(t.date) <= at);
    const persona = rankPersonas(data.personas, c, before).find((m) => m.fits)?.personaId;
    const good = rng.chance(sigmoid(goodOdds(c, before, persona)));
    const contacted = touches.some((t) => isSalesActivity(t) && Date.parse(t.date) <= at);
    const recycle = handoff && !good && rng.chance(0.4);
    const author = DEMO_REPS[owner];
    let supersedes: string | undefined;
    if (rng.chance(0.1)) {
      // The rep changed their mind: an earlier verdict the current one replaces.
      const earlier = at - rng.int(1, 6) * DAY_MS;
      if (earlier > base) {
        supersedes = id();
        const reasonId = good ? reasonFor(rng, false, contacted, persona) : undefined;
        out.push({
          id: supersedes,
          email: c.email,
          verdict: good ? 'bad' : 'good',
          author,
          createdAt: iso(earlier),
          kind: 'quality',
          ...(reasonId ? { reasonId } : {}),
        });
      }
    }
    out.push({
      id: id(),
      email: c.email,
      verdict: good ? 'good' : 'bad',
      kind: handoff ? 'handoff' : 'quality',
      author,
      createdAt: iso(at),
      ...reasonOf(rng, recycle, at, good, contacted, persona),
      ...(rng.chance(0.25) ? { note: rng.pick(NOTES[good ? 'good' : 'bad']) } : {}),
      ...(supersedes ? { supersedes } : {}),
    });
  }
  // Dropped after the draws rather than skipped, so every other lead keeps the verdicts it had.
  const waiting = new Set(
    data.contacts.filter((c) => c.leadStatus === 'new' && RECENT_HANDOFFS.includes(c.handoffAt ?? '')).map((c) => c.email),
  );
  return out.filter((v) => !waiting.has(v.email)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
