import { z } from 'zod';
import type { LeadlightDb, MetaRow } from '../db/database';
import { ConnectorError } from './errors';

/**
 * How a CRM connection stands. Every call to the CRM passes through its gate
 * (see `connectorGate`), so a connection that failed stops calling instead of
 * trying again on every sidebar render:
 * - healthy: calls go out;
 * - rate_limited / unavailable until T: no call before T, then one probe at a time;
 * - needs_user (401, 403, revoked): no call at all until the user reconnects.
 */
export const ConnectorHealthSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('healthy') }),
  z.object({ state: z.literal('rate_limited'), until: z.string(), message: z.string() }),
  z.object({ state: z.literal('unavailable'), until: z.string(), message: z.string() }),
  z.object({ state: z.literal('needs_user'), since: z.string(), message: z.string(), kind: z.enum(['auth', 'scopes']) }),
]);
export type ConnectorHealth = z.infer<typeof ConnectorHealthSchema>;

const RecordSchema = z.object({ health: ConnectorHealthSchema, strikes: z.number().int().nonnegative() });
type HealthRecord = z.infer<typeof RecordSchema>;
const HEALTHY: HealthRecord = { health: { state: 'healthy' }, strikes: 0 };

/**
 * Waits between probes of a failing connection: 30 s doubling to 15 min, jittered
 * within the upper half so the wait never collapses to nothing. A vendor's own
 * Retry-After or policy window wins when it is longer.
 */
export const HEALTH_BACKOFF = { baseMs: 30_000, maxMs: 15 * 60_000 } as const;

export function strikeDelay(strikes: number, random: () => number): number {
  const cap = Math.min(HEALTH_BACKOFF.maxMs, HEALTH_BACKOFF.baseMs * 2 ** Math.max(0, strikes - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The connection's state after a call ended with `error` (null: the service answered). */
export function nextHealth(record: HealthRecord, error: ConnectorError | null, now: number, random: () => number): HealthRecord {
  if (!error) return HEALTHY;
  if (error.kind === 'auth' || error.kind === 'scopes') {
    return { health: { state: 'needs_user', since: new Date(now).toISOString(), message: error.message, kind: error.kind }, strikes: 0 };
  }
  if (error.kind === 'rate_limited' || error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout') {
    const strikes = record.strikes + 1;
    const until = new Date(now + Math.max(error.retryAfterMs ?? 0, strikeDelay(strikes, random))).toISOString();
    const state = error.kind === 'rate_limited' ? 'rate_limited' : 'unavailable';
    return { health: { state, until, message: error.message }, strikes };
  }
  // Not found, a refused query, a body we could not read: the service is up and answering.
  return HEALTHY;
}

/** Why no call may go out now, or null when one may. */
export function refusal(health: ConnectorHealth, now: number): ConnectorError | null {
  if (health.state === 'healthy') return null;
  if (health.state === 'needs_user') return new ConnectorError(health.kind, health.message, { unsent: true });
  const left = Date.parse(health.until) - now;
  if (!(left > 0)) return null;
  return new ConnectorError(health.state === 'rate_limited' ? 'rate_limited' : 'server', health.message, {
    retryAfterMs: left,
    unsent: true,
  });
}

/** Tells the gate how an admitted call ended: null for an answer, else its error (or a vendor's "limit reached" hint). */
export type SettleCall = (outcome: ConnectorError | null) => Promise<void>;

/** What requestJson asks before each call. */
export type CallGate = {
  /** Throws a ConnectorError marked `unsent` when the connection must not be called now. */
  admit: () => Promise<SettleCall>;
  /** The error admit would throw now, without taking the probe: for callers deciding whether to start at all. */
  check: () => Promise<ConnectorError | null>;
};

type Entry = {
  record: HealthRecord;
  loaded?: Promise<void>;
  probing: boolean;
  /** Bumped by a reconnection: answers to calls made before it no longer count. */
  generation: number;
  /** Failures settled so far: an answer to a call admitted before the latest one says nothing since. */
  failures: number;
};
// The worker's memory is the truth once loaded; the meta row carries it across restarts.
const entries = new WeakMap<LeadlightDb, Map<string, Entry>>();
const key = (id: string) => `health:${id}`;
type HealthRow = MetaRow & { health?: unknown; strikes?: unknown };

async function entryFor(db: LeadlightDb, id: string): Promise<Entry> {
  let byId = entries.get(db);
  if (!byId) entries.set(db, (byId = new Map<string, Entry>()));
  let entry = byId.get(id);
  if (!entry) {
    const created: Entry = { record: HEALTHY, probing: false, generation: 0, failures: 0 };
    created.loaded = db.meta.get(key(id)).then((row: HealthRow | undefined) => {
      const parsed = RecordSchema.safeParse({ health: row?.health, strikes: row?.strikes });
      if (parsed.success) created.record = parsed.data;
    });
    byId.set(id, (entry = created));
  }
  await entry.loaded;
  return entry;
}

async function store(db: LeadlightDb, id: string, entry: Entry, record: HealthRecord): Promise<void> {
  const same = JSON.stringify(record) === JSON.stringify(entry.record);
  entry.record = record;
  if (same) return;
  const row: HealthRow = { key: key(id), ...record };
  await db.meta.put(row);
}

/** The connection's current state, as pages show it. */
export async function connectorHealth(db: LeadlightDb, id: string): Promise<ConnectorHealth> {
  return (await entryFor(db, id)).record.health;
}

/** Back to healthy: the user reconnected, replaced the token or checked that it works. */
export async function resetConnectorHealth(db: LeadlightDb, id: string): Promise<void> {
  const entry = await entryFor(db, id);
  // Calls still on their way were made with the old credentials: their answers no longer count.
  entry.generation += 1;
  entry.probing = false;
  await store(db, id, entry, HEALTHY);
}

/**
 * The gate for one connection. After a wait runs out only one call probes the
 * vendor; the others are refused until it answers, so a dozen open contacts do
 * not all knock at once.
 */
export function connectorGate(
  db: LeadlightDb,
  id: string,
  { now = Date.now, random = Math.random }: { now?: () => number; random?: () => number } = {},
): CallGate {
  const refusedNow = (entry: Entry): ConnectorError | null => {
    const { health } = entry.record;
    const refused = refusal(health, now());
    if (refused || health.state === 'healthy' || !entry.probing) return refused;
    return new ConnectorError(health.state === 'rate_limited' ? 'rate_limited' : 'server', health.message, { unsent: true });
  };
  return {
    check: async () => refusedNow(await entryFor(db, id)),
    admit: async () => {
      const entry = await entryFor(db, id);
      const refused = refusedNow(entry);
      if (refused) throw refused;
      const probe = entry.record.health.state !== 'healthy';
      if (probe) entry.probing = true;
      const { generation, failures } = entry;
      return async (outcome) => {
        if (probe) entry.probing = false;
        if (generation !== entry.generation) return;
        // A call let out before a rate limit or an outage was recorded may still answer after it: that clears nothing.
        if (!outcome && failures !== entry.failures) return;
        if (outcome) entry.failures += 1;
        // Once the user is needed, only a reconnection clears it, not a call that happened to pass.
        if (entry.record.health.state === 'needs_user' && outcome?.kind !== 'auth' && outcome?.kind !== 'scopes') return;
        await store(db, id, entry, nextHealth(entry.record, outcome, now(), random));
      };
    },
  };
}
