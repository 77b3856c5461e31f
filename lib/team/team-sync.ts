import { getCachedContexts } from '../cache/contact-cache';
import type { Connector } from '../connectors/connector';
import { asConnectorError } from '../connectors/errors';
import type { LeadlightDb } from '../db/database';
import type { Settings } from '../settings/settings';
import type { TeamMeta } from './team-source';

/** How a read of the team's verdicts from the CRM stands, as the report page shows it. */
export type TeamSyncState = {
  running: boolean;
  /** Records read so far, of the total the CRM announced. */
  read: number;
  total?: number;
  /** Contacts of those verdicts whose campaign touches were fetched into the cache on this run. */
  joined?: number;
  error?: string;
};

/**
 * Contacts behind team verdicts that the cache lacks are fetched so the report can
 * join their campaign touches; at most this many a run, because each costs a few
 * CRM calls (the rest follow on later runs, or when a rep opens them).
 */
export const MAX_JOIN_FETCHES = 50;
const JOIN_BATCH = 5;

/** A read finished less than this long ago is not repeated when the report opens; Refresh still reads. */
export const TEAM_FRESH_MS = 15 * 60_000;

const states = new WeakMap<LeadlightDb, TeamSyncState>();
const running = new WeakMap<LeadlightDb, Promise<TeamSyncState>>();

/** The current or last read's state. */
export function teamSyncState(db: LeadlightDb): TeamSyncState {
  return states.get(db) ?? { running: false, read: 0 };
}

/**
 * Reads every rep's verdicts from the CRM into the team table (replacing the last
 * read of that CRM, so deleted records go), then fetches the missing contacts'
 * touches. One read at a time; a failure keeps the last read's verdicts and says why.
 */
export function syncTeamVerdicts(
  db: LeadlightDb,
  connector: Connector,
  settings: Pick<Settings, 'cacheTtlMinutes' | 'cacheMaxContacts'>,
  { force = false, now = () => new Date() }: { force?: boolean; now?: () => Date } = {},
): Promise<TeamSyncState> {
  const pending = running.get(db);
  if (pending) return pending;
  const run = (async (): Promise<TeamSyncState> => {
    const origin = connector.id === 'hubspot' || connector.id === 'salesforce' ? connector.id : undefined;
    if (!origin || !connector.readTeamVerdicts) return teamSyncState(db);
    const meta = ((await db.meta.get(`team:${origin}`)) as TeamMeta | undefined) ?? {};
    if (!force && meta.asOf && now().getTime() - Date.parse(meta.asOf) < TEAM_FRESH_MS) return teamSyncState(db);
    const state: TeamSyncState = { running: true, read: 0 };
    states.set(db, state);
    try {
      const verdicts = await connector.readTeamVerdicts((p) => {
        state.read = p.read;
        if (p.total !== undefined) state.total = p.total;
      });
      await db.transaction('rw', [db.teamVerdicts, db.meta], async () => {
        await db.teamVerdicts.where('origin').equals(origin).delete();
        await db.teamVerdicts.bulkPut(verdicts);
        await db.meta.put({ ...meta, key: `team:${origin}`, asOf: now().toISOString() } as never);
      });
      state.joined = await joinTouches(db, connector, settings, [...new Set(verdicts.map((v) => v.email))]);
    } catch (e) {
      state.error = asConnectorError(e).message;
    } finally {
      state.running = false;
    }
    return state;
  })().finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function joinTouches(
  db: LeadlightDb,
  connector: Connector,
  settings: Pick<Settings, 'cacheTtlMinutes' | 'cacheMaxContacts'>,
  emails: string[],
): Promise<number> {
  if (!connector.fetchContact) return 0;
  const cached = await db.contacts.bulkGet(emails);
  const missing = emails.filter((_, i) => !cached[i]).slice(0, MAX_JOIN_FETCHES);
  let joined = 0;
  for (let i = 0; i < missing.length; i += JOIN_BATCH) {
    // The connection's gate holds these back when the CRM is failing; the cache records each failure's backoff.
    if (await connector.gate?.check()) break;
    const got = await getCachedContexts(missing.slice(i, i + JOIN_BATCH), {
      db,
      connector,
      ttlMs: settings.cacheTtlMinutes * 60_000,
      maxContacts: settings.cacheMaxContacts,
    });
    joined += got.filter((c) => c.context).length;
  }
  return joined;
}
