import { z } from 'zod';
import { IsoDateSchema } from './open-value';
import { type Persona, PersonaSchema } from './persona';
import { type ReasonDefinition, ReasonDefinitionSchema } from './reason-definition';
import { describeIssues } from './exchange-errors';

/**
 * One JSON file carrying a team's persona definitions and feedback reasons, so
 * marketing can define them once and every rep imports the same file: reps then
 * score leads and give reasons in the same vocabulary marketing reports on.
 */

export const EXCHANGE_KIND = 'leadlight-definitions';
export const EXCHANGE_VERSION = 1;
/** Real definition files are a few kilobytes; anything this large is the wrong file. */
export const MAX_EXCHANGE_BYTES = 1024 * 1024;

/** Adds an issue naming each id that appears more than once in a list. */
function uniqueIds(list: readonly { id: string }[], what: string, key: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `Two ${what} share the id "${item.id}"; each needs its own id` });
    }
    seen.add(item.id);
  });
}

export const ExchangeFileSchema = z
  .object({
    kind: z.literal(EXCHANGE_KIND),
    version: z.literal(EXCHANGE_VERSION),
    exportedAt: IsoDateSchema,
    personas: z.array(PersonaSchema),
    reasons: z.array(ReasonDefinitionSchema),
  })
  .superRefine((file, ctx) => {
    uniqueIds(file.personas, 'personas', 'personas', ctx);
    uniqueIds(file.reasons, 'reasons', 'reasons', ctx);
  });
export type ExchangeFile = z.infer<typeof ExchangeFileSchema>;

export type ParseResult = { ok: true; value: ExchangeFile } | { ok: false; error: string };

/** The definitions as a pretty-printed file, ready to download and hand round. */
export function exportDefinitions(personas: readonly Persona[], reasons: readonly ReasonDefinition[], now: Date): string {
  const file: ExchangeFile = {
    kind: EXCHANGE_KIND,
    version: EXCHANGE_VERSION,
    exportedAt: now.toISOString(),
    personas: [...personas],
    reasons: [...reasons],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a definitions file a person picked. Never throws: every failure comes
 * back as one sentence the options page can show as-is, checked in the order a
 * person would want to hear it (wrong file before wrong field).
 */
export function parseDefinitions(text: string): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });
  try {
    if (new TextEncoder().encode(text).length > MAX_EXCHANGE_BYTES) {
      return fail('This file is larger than 1 MB; a Leadlight definitions file is much smaller. Check you picked the right file.');
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return fail('This file is not valid JSON, so it cannot be a Leadlight definitions file.');
    }
    if (!isObject(data) || data.kind !== EXCHANGE_KIND) {
      return fail(`This is not a Leadlight definitions file (it should say "kind": "${EXCHANGE_KIND}").`);
    }
    if (data.version !== EXCHANGE_VERSION) {
      const newer = typeof data.version === 'number' && data.version > EXCHANGE_VERSION;
      return fail(
        newer
          ? `This file is version ${String(data.version)}, made by a newer Leadlight; update the extension to import it.`
          : `Unsupported file version ${JSON.stringify(data.version ?? null)}; this Leadlight reads version ${EXCHANGE_VERSION}.`,
      );
    }
    const parsed = ExchangeFileSchema.safeParse(data);
    return parsed.success ? { ok: true, value: parsed.data } : fail(describeIssues(parsed.error.issues, data));
  } catch (e) {
    // Belt and braces: the caller is a file picker, and a crash there loses the user's place.
    return fail(`This file could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}
