import { z } from 'zod';
import { DEFAULT_REASON_DEFINITIONS, ReasonDefinitionSchema, type ReasonDefinition } from '../domain/reason-definition';
import { PersonaSchema, type Persona } from '../domain/persona';
import type { LeadlightDb } from './database';

const REASONS_KEY = 'reasons';

/**
 * The team's feedback reasons: the built-in list until someone edits or imports
 * one. Retired reasons stay in the list so past verdicts keep their label.
 */
export async function loadReasons(db: LeadlightDb): Promise<ReasonDefinition[]> {
  const parsed = z.array(ReasonDefinitionSchema).safeParse((await db.settings.get(REASONS_KEY))?.value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : [...DEFAULT_REASON_DEFINITIONS];
}

/** Reason ids any verdict the report counts uses: this browser's own and the team's (CRM or merged files). */
async function reasonsInUse(db: LeadlightDb): Promise<Set<string>> {
  const [own, team] = await Promise.all([db.feedback.toArray(), db.teamVerdicts.toArray()]);
  return new Set([...own, ...team].map((f) => f.reasonId).filter((id): id is string => !!id));
}

/**
 * Replaces the reason list. A reason that past feedback used, this rep's or a
 * teammate's, can be retired but not deleted, and stays a good-lead or a bad-lead
 * reason: otherwise the report would show verdicts it cannot explain, or count old
 * bad verdicts as good.
 */
export async function saveReasons(db: LeadlightDb, reasons: ReasonDefinition[]): Promise<ReasonDefinition[]> {
  const byId = new Map<string, ReasonDefinition>();
  for (const r of reasons) {
    if (byId.has(r.id)) throw new Error(`Two reasons share the id “${r.id}”.`);
    byId.set(r.id, r);
  }
  const used = await reasonsInUse(db);
  const current = (await loadReasons(db)).filter((r) => used.has(r.id));
  const dropped = current.filter((r) => !byId.has(r.id));
  if (dropped.length) throw new Error(`Feedback uses ${dropped.map((r) => `“${r.label}”`).join(', ')}: retire it instead of deleting it.`);
  const turned = current.filter((r) => byId.get(r.id)!.verdict !== r.verdict);
  if (turned.length)
    throw new Error(
      `Feedback uses ${turned.map((r) => `“${r.label}”`).join(', ')} as a ${turned[0]!.verdict}-lead reason: add a new reason instead of changing its verdict.`,
    );
  await db.settings.put({ key: REASONS_KEY, value: reasons });
  return reasons;
}

/** Creates or updates one persona; returns them all. */
export async function savePersona(db: LeadlightDb, persona: Persona): Promise<Persona[]> {
  await db.personas.put(PersonaSchema.parse(persona));
  return db.personas.toArray();
}

export async function deletePersona(db: LeadlightDb, id: string): Promise<Persona[]> {
  await db.personas.delete(id);
  return db.personas.toArray();
}

/** Swaps in a whole set of definitions atomically, as an import does. */
export async function replaceDefinitions(db: LeadlightDb, personas: Persona[], reasons: ReasonDefinition[]): Promise<void> {
  await db.transaction('rw', [db.personas, db.settings, db.feedback, db.teamVerdicts], async () => {
    await saveReasons(db, reasons);
    await db.personas.clear();
    await db.personas.bulkPut(personas);
  });
}
