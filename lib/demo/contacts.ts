import type { Contact, LeadSource } from '../domain/contact';
import type { CampaignSpec } from './campaign-builders';
import { CAMPAIGN_SPECS } from './campaigns';
import { DAY_MS, DEMO_NOW_MS, DEMO_START_MS, HOUR_MS, iso, randomInstant } from './dates';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, OWNERS, PERSONA_INDUSTRIES, ROLES } from './people';
import type { DemoCompany, DemoRole } from './people';
import type { DemoPersonaId } from './personas';
import type { Rng } from './random';
import { qualify } from './qualification';
import { withSources } from './sources';
import { campaignJourney } from './touches';
import type { DraftTouch } from './touches';

/** A generated contact and its campaign history, touches in date order. */
export interface GeneratedContact {
  contact: Contact;
  touches: DraftTouch[];
  persona: DemoPersonaId;
}

const PERSONA_MIX: readonly (readonly [DemoPersonaId, number])[] = [
  ['ops-leader', 28],
  ['data-practitioner', 30],
  ['finance-exec', 15],
  ['it-gatekeeper', 17],
  ['other', 10],
];

// How many campaigns a contact takes part in: most dip in a few times, some binge.
const MEMBERSHIPS: readonly (readonly [[number, number], number])[] = [
  [[1, 2], 30],
  [[3, 4], 45],
  [[5, 7], 25],
];

// Sources that predate any campaign touch: people who found Brightwave on their own.
const SELF_SOURCES: readonly LeadSource[] = [
  { channel: 'organic_search', detail: 'referrer=https://www.google.com/' },
  { channel: 'organic_search', detail: 'referrer=https://www.bing.com/' },
  { channel: 'direct', detail: 'Typed URL: brightwave.example/pricing' },
  { channel: 'referral', detail: 'referrer=https://www.g2.com/categories/analytics-platforms' },
  { channel: 'organic_social', detail: 'referrer=https://www.linkedin.com/' },
];

// Leads with no campaign history at all come from sales lists or imports.
const SILENT_SOURCES: readonly LeadSource[] = [
  { channel: 'sales_prospecting', detail: 'Outbound list – Q3 2026 logistics ABM' },
  { channel: 'offline', detail: 'List import – Logistics Leaders Forum 2025 attendees' },
  { channel: 'sales_prospecting', detail: 'Added by rep after a cold call' },
];

/** Lower-case ASCII slug for an email local part: "Zoë" → "zoe", "O'Connor" → "oconnor". */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function pickCompany(rng: Rng, persona: DemoPersonaId): DemoCompany {
  const industries = PERSONA_INDUSTRIES[persona];
  return rng.weighted(
    COMPANIES.map((c) => {
      const industryFit = industries.includes(c.industry) ? 4 : 1;
      // Companies too small for a finance team rarely have a CFO who talks to vendors.
      const sizeFit = persona === 'finance-exec' && c.size < 500 ? 0.3 : 1;
      return [c, industryFit * sizeFit] as const;
    }),
  );
}

function pickRole(rng: Rng, persona: DemoPersonaId): DemoRole {
  return rng.weighted(ROLES[persona].map((r) => [r, r.fit === 2 ? 3 : r.fit === 1 ? 2 : 1] as const));
}

function uniqueEmail(rng: Rng, domain: string, taken: Set<string>): { name: string; email: string } {
  for (;;) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const email = `${slug(first)}.${slug(last)}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return { name: `${first} ${last}`, email };
    }
  }
}

function campaignHistory(rng: Rng, email: string, persona: DemoPersonaId, notBefore: number): DraftTouch[] {
  const [min, max] = rng.weighted(MEMBERSHIPS);
  const pool = CAMPAIGN_SPECS.filter((c) => c.reach > 0 && c.start <= DEMO_NOW_MS);
  const chosen = new Set<CampaignSpec>();
  const wanted = rng.int(min, max);
  while (chosen.size < wanted) {
    chosen.add(rng.weighted(pool.map((c) => [c, c.reach * (c.audience.includes(persona) ? 4 : 1)] as const)));
  }
  return [...chosen]
    .flatMap((spec) => campaignJourney(rng, email, spec, spec.audience.includes(persona)))
    .filter((t) => Date.parse(t.date) >= notBefore)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/** Options for one generated contact; the defaults give an ordinary campaign-driven lead. */
export interface ContactOptions {
  /** No campaign touches at all (known to the CRM only). */
  silent?: boolean;
  /** A source recorded before any touch; touches before its date are dropped. */
  originalSource?: LeadSource;
  /** Touches the generator must include, e.g. the booth scan behind an odd source. */
  extraTouches?: (email: string) => DraftTouch[];
}

/** Generates one contact with a consistent history, score, stage and sources. */
export function generateContact(rng: Rng, taken: Set<string>, options: ContactOptions = {}): GeneratedContact {
  const persona = rng.weighted(PERSONA_MIX);
  const company = pickCompany(rng, persona);
  const role = pickRole(rng, persona);
  const { name, email } = uniqueEmail(rng, company.domain, taken);
  const notBefore = options.originalSource?.date ? Date.parse(options.originalSource.date) : DEMO_START_MS;
  const touches = options.silent
    ? []
    : [...(options.extraTouches?.(email) ?? []), ...campaignHistory(rng, email, persona, notBefore)].sort(
        (a, b) => Date.parse(a.date) - Date.parse(b.date),
      );

  let originalSource = options.originalSource;
  const first = touches[0];
  if (options.silent) {
    originalSource = { ...rng.pick(SILENT_SOURCES), date: iso(randomInstant(rng, DEMO_START_MS, DEMO_NOW_MS - 7 * DAY_MS)) };
  } else if (!originalSource && first && rng.chance(0.25)) {
    const firstAt = Date.parse(first.date);
    const foundAt = Math.max(DEMO_START_MS, firstAt - rng.int(3, 60) * DAY_MS + rng.int(0, 10) * HOUR_MS);
    originalSource = { ...rng.pick(SELF_SOURCES), date: iso(Math.min(foundAt, firstAt)) };
  }

  const base: Contact = {
    email,
    name,
    title: role.title,
    company: company.name,
    industry: company.industry,
    companySize: company.size,
    seniority: role.seniority,
    department: role.department,
    ...qualify(rng, role.fit, touches, OWNERS),
    ...(originalSource ? { originalSource } : {}),
  };
  return { contact: withSources(base, touches), touches, persona };
}
