import { z } from 'zod';

/**
 * Persona rules are the shared language between marketing and sales: each rule is
 * something a person can check on a contact record, with a weight saying how much
 * it counts towards the 0–100 match score.
 */
// Every rule is scored for each contact a rep opens and for every contact in the report:
// bounded, so an imported definitions file cannot make either slow.
const Values = z.array(z.string().min(1).max(200)).min(1).max(100);

export const PersonaRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('titleKeywords'), keywords: Values, weight: z.number().positive() }),
  z.object({ kind: z.literal('seniority'), values: Values, weight: z.number().positive() }),
  z.object({ kind: z.literal('department'), values: Values, weight: z.number().positive() }),
  z.object({ kind: z.literal('industry'), values: Values, weight: z.number().positive() }),
  z.object({
    kind: z.literal('companySize'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
    weight: z.number().positive(),
  }),
  z.object({
    kind: z.literal('engagement'),
    /** Asset types that count, e.g. webinar and whitepaper for a research-heavy buyer. */
    assetTypes: Values,
    minTouches: z.number().int().positive(),
    weight: z.number().positive(),
  }),
]);
export type PersonaRule = z.infer<typeof PersonaRuleSchema>;

/** Below this score a persona is only "the closest", not a fit, unless the persona sets its own. */
export const DEFAULT_FIT_THRESHOLD = 50;

export const PersonaSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  description: z.string().max(1000),
  rules: z.array(PersonaRuleSchema).min(1).max(30),
  /** The score (of the rules that could be judged) from which a contact counts as fitting. */
  fitThreshold: z.number().int().min(1).max(100).optional(),
});
export type Persona = z.infer<typeof PersonaSchema>;

/**
 * How one rule fared against one contact, worded for the rep: `met`, `unmet`, or
 * `unknown` when the record lacks the data to judge it (it then counts neither way).
 */
export const RuleResultSchema = z.object({
  kind: z.string(),
  label: z.string(),
  matched: z.boolean(),
  outcome: z.enum(['met', 'unmet', 'unknown']),
  detail: z.string(),
  weight: z.number(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

export const PersonaMatchSchema = z.object({
  personaId: z.string(),
  personaName: z.string(),
  /** Weighted share of the judged rules that hold, 0–100. */
  score: z.number().int().min(0).max(100),
  /** How many rules could be judged, of how many. */
  judged: z.number().int().nonnegative(),
  ruleCount: z.number().int().nonnegative(),
  /** The persona's threshold, and whether this contact reaches it on at least one judged rule. */
  threshold: z.number(),
  fits: z.boolean(),
  rules: z.array(RuleResultSchema),
});
export type PersonaMatch = z.infer<typeof PersonaMatchSchema>;
