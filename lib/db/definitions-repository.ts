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

/**
 * Replaces the reason list. A reason that past feedback used can be retired but
 * not deleted: removing it would leave verdicts the report cannot explain.
 */
export async function saveReasons(db: LeadlightDb, reasons: ReasonDefinition[]): Promise<ReasonDefinition[]> {
  const ids = new Set<string>();
  for (const r of reasons) {
    if (ids.has(r.id)) throw new Error(`Two reasons share the id “${r.id}”.`);
    ids.add(r.id);
  }
  const used = new Set((await db.feedback.toArray()).map((f) => f.reasonId).filter((id): id is string => !!id));
  const dropped = (await loadReasons(db)).filter((r) => !ids.has(r.id) && used.has(r.id));
  if (dropped.length) throw new Error(`Feedback uses ${dropped.map((r) => `“${r.label}”`).join(', ')}: retire it instead of deleting it.`);
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
  await db.transaction('rw', [db.personas, db.settings, db.feedback], async () => {
    await saveReasons(db, reasons);
    await db.personas.clear();
    await db.personas.bulkPut(personas);
  });
}
