import { z } from 'zod';
import type { LeadlightDb, MetaRow } from '../../db/database';
import { loadReasons } from '../../db/definitions-repository';
import type { VerdictSchemaStore } from './hubspot-verdict-schema';

export const VERDICT_SCHEMA_KEY = 'hubspot:verdict-schema';

const StateSchema = z.object({ fingerprint: z.string(), ready: z.boolean(), problem: z.string().optional(), checkedAt: z.string() });

/** The portal's verdict-schema state, kept in the background's database so a restarted worker does not check again. */
export function dbVerdictSchemaStore(db: LeadlightDb): VerdictSchemaStore {
  return {
    reasons: () => loadReasons(db),
    load: async () => {
      const row: (MetaRow & { state?: unknown }) | undefined = await db.meta.get(VERDICT_SCHEMA_KEY);
      const parsed = StateSchema.safeParse(row?.state);
      return parsed.success ? parsed.data : undefined;
    },
    save: async (state) => {
      await db.meta.put({ key: VERDICT_SCHEMA_KEY, state } as MetaRow);
    },
  };
}

/** A new token may carry the scopes the old one lacked: the next verdict checks the schema again. */
export async function forgetVerdictSchema(db: LeadlightDb): Promise<void> {
  await db.meta.delete(VERDICT_SCHEMA_KEY);
}
