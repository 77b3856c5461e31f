import { deletePersona, loadReasons, replaceDefinitions, saveReasons, savePersona } from '../../db/definitions-repository';
import { contactOf, touchesOf } from '../../db/contact-rows';
import { matchPersona } from '../../domain/persona-match';
import { exportDefinitions, parseDefinitions } from '../../domain/persona-exchange';
import type { HandlerDeps, Handlers } from './deps';

type ClosedLoopMessages =
  | 'listPersonas'
  | 'savePersona'
  | 'deletePersona'
  | 'previewPersona'
  | 'getReasons'
  | 'saveReasons'
  | 'exportDefinitions'
  | 'importDefinitions';

// Previews list the best-fitting contacts; enough to see a rule change's effect.
const PREVIEW_ROWS = 25;

/** The marketer's side: personas and the reason list (the report is in ./report.ts). */
export function closedLoopHandlers({ db, now = () => new Date() }: HandlerDeps): Pick<Handlers, ClosedLoopMessages> {
  return {
    listPersonas: () => db.personas.toArray(),
    savePersona: (persona) => savePersona(db, persona),
    deletePersona: ({ id }) => deletePersona(db, id),
    previewPersona: async (draft) => {
      const [rows, saved] = await Promise.all([db.contacts.toArray(), db.personas.get(draft.id)]);
      return rows
        .map((row) => {
          const c = contactOf(row);
          const own = touchesOf(row);
          return {
            email: c.email,
            name: c.name,
            company: c.company,
            score: matchPersona(draft, c, own).score,
            savedScore: saved ? matchPersona(saved, c, own).score : null,
          };
        })
        .sort((a, b) => b.score - a.score || a.email.localeCompare(b.email))
        .slice(0, PREVIEW_ROWS);
    },
    getReasons: () => loadReasons(db),
    saveReasons: (reasons) => saveReasons(db, reasons),
    exportDefinitions: async () => ({ json: exportDefinitions(await db.personas.toArray(), await loadReasons(db), now()) }),
    importDefinitions: async ({ text }) => {
      const parsed = parseDefinitions(text);
      if (!parsed.ok) throw new Error(parsed.error);
      await replaceDefinitions(db, parsed.value.personas, parsed.value.reasons);
      return { personas: parsed.value.personas.length, reasons: parsed.value.reasons.length };
    },
  };
}
