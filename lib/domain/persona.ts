import { z } from 'zod';

/**
 * Persona rules are the shared language between marketing and sales: each rule is
 * something a person can check on a contact record, with a weight saying how much
 * it counts towards the 0–100 match score.
 */
export const PersonaRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('titleKeywords'), keywords: z.array(z.string().min(1)).min(1), weight: z.number().positive() }),
  z.object({ kind: z.literal('seniority'), values: z.array(z.string().min(1)).min(1), weight: z.number().positive() }),
  z.object({ kind: z.literal('department'), values: z.array(z.string().min(1)).min(1), weight: z.number().positive() }),
  z.object({ kind: z.literal('industry'), values: z.array(z.string().min(1)).min(1), weight: z.number().positive() }),
  z.object({
    kind: z.literal('companySize'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
    weight: z.number().positive(),
  }),
  z.object({
    kind: z.literal('engagement'),
    /** Asset types that count, e.g. webinar and whitepaper for a research-heavy buyer. */
    assetTypes: z.array(z.string().min(1)).min(1),
    minTouches: z.number().int().positive(),
    weight: z.number().positive(),
  }),
]);
export type PersonaRule = z.infer<typeof PersonaRuleSchema>;

export const PersonaSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  description: z.string().max(1000),
  rules: z.array(PersonaRuleSchema).min(1),
});
export type Persona = z.infer<typeof PersonaSchema>;

/** How one rule fared against one contact, worded for the rep. */
export const RuleResultSchema = z.object({
  kind: z.string(),
  label: z.string(),
  matched: z.boolean(),
  detail: z.string(),
  weight: z.number(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

export const PersonaMatchSchema = z.object({
  personaId: z.string(),
  personaName: z.string(),
  score: z.number().int().min(0).max(100),
  rules: z.array(RuleResultSchema),
});
export type PersonaMatch = z.infer<typeof PersonaMatchSchema>;
