import type { LeadlightDb } from '../db/database';
import { loadReasons } from '../db/definitions-repository';
import { changeSecrets, loadSecrets, type Secrets } from '../settings/secrets';
import { loadSettings, type Settings } from '../settings/settings';
import type { Connector } from './connector';
import { ConnectorError } from './errors';
import { connectorGate } from './health';
import { dbLabelCache } from './label-cache';
import type { HttpPolicy } from './http';
import { createHubspotConnector } from './hubspot/hubspot-connector';
import { dbVerdictSchemaStore } from './hubspot/verdict-schema-store';
import { createSalesforceConnector, issuingHost, refreshAccessToken, revokeSalesforceToken } from './salesforce';

/** Clock, randomness and HTTP policy; tests pass simulated ones. */
export type ConnectorEnv = { now?: () => number; random?: () => number; policy?: HttpPolicy };

const built = new WeakMap<LeadlightDb, Map<string, Connector>>();

function hubspot(db: LeadlightDb, settings: Settings, env: ConnectorEnv, timeZone: string | undefined): Connector {
  const now = env.now ?? Date.now;
  return createHubspotConnector({
    // The portal's own zone decides when its daily API limit resets.
    timeZone: () => timeZone,
    gate: connectorGate(db, 'hubspot', env),
    labelCache: dbLabelCache(db, env.now),
    now: () => new Date(now()),
    ...(env.policy ? { policy: env.policy } : {}),
    // Read on every call, so a token the user just replaced is used at once.
    token: async () => {
      const token = (await loadSecrets(db)).hubspotToken;
      if (!token) throw new ConnectorError('config', 'Paste a HubSpot private-app token in Leadlight settings.');
      return token;
    },
    writeBackProperty: settings.hubspot.writeBackProperty,
    verdictSchema: dbVerdictSchemaStore(db),
  });
}

type StoredTokens = NonNullable<Secrets['salesforce']>;

// Refreshes under way, and disconnects that hold new ones off, per database.
const refreshes = new WeakMap<LeadlightDb, Set<Promise<unknown>>>();
const holds = new WeakMap<LeadlightDb, number>();

function trackRefresh<T>(db: LeadlightDb, refresh: () => Promise<T>): Promise<T> {
  if (holds.get(db))
    return Promise.reject(
      new ConnectorError('auth', 'Salesforce is being disconnected. Connect it again in Leadlight settings.', { unsent: true }),
    );
  let running = refreshes.get(db);
  if (!running) refreshes.set(db, (running = new Set()));
  const call = refresh();
  const settled = call.catch(() => undefined);
  running.add(settled);
  void settled.then(() => running.delete(settled));
  return call;
}

/**
 * Runs `work` (a disconnect's revoke and clear) once every Salesforce token refresh already
 * under way has stored or dropped its tokens, refusing new ones meanwhile: what `work` reads
 * is then the last token the org issued, and nothing is written back after it.
 */
export async function withSalesforceRefreshesHeld<T>(db: LeadlightDb, work: () => Promise<T>): Promise<T> {
  holds.set(db, (holds.get(db) ?? 0) + 1);
  try {
    await Promise.all([...(refreshes.get(db) ?? [])]);
    return await work();
  } finally {
    holds.set(db, (holds.get(db) ?? 1) - 1);
  }
}

async function refreshSession(db: LeadlightDb, settings: Settings, tokens: () => Promise<StoredTokens>): Promise<string> {
  const current = await tokens();
  // The app and host that issued the tokens, which a form edited since may no longer name.
  const clientId = current.clientId ?? settings.salesforce.clientId;
  const { refreshToken } = current;
  if (!refreshToken || !clientId)
    throw new ConnectorError('auth', 'The Salesforce session ended. Reconnect Salesforce in Leadlight settings.');
  const next = await refreshAccessToken({ loginHost: issuingHost(current).host, clientId, refreshToken });
  // Kept only if the sign-in it renews is still the stored one: the rep may have disconnected or
  // signed in to another org while Salesforce answered, and that must not be undone.
  const kept = await changeSecrets(db, (stored) =>
    stored.salesforce?.refreshToken === refreshToken ? { salesforce: { ...stored.salesforce, ...next } } : undefined,
  );
  if (kept) return next.accessToken;
  // A refresh token the org rotated for a sign-in no longer kept would open it for good: revoked,
  // best effort (the replaced sign-in's own token is revoked by whoever replaced it).
  if (next.refreshToken && next.refreshToken !== refreshToken)
    await revokeSalesforceToken({ loginHost: issuingHost(current).host, token: next.refreshToken }).catch(() => undefined);
  // The request was built for the replaced sign-in's org: it is not sent again with another's token.
  // Unsent, so a verdict on its way waits for the outbox's next run rather than failing.
  throw new ConnectorError('network', 'Salesforce was reconnected or disconnected while Leadlight renewed its session. Try again.', {
    unsent: true,
  });
}

function salesforce(db: LeadlightDb, settings: Settings, env: ConnectorEnv): Connector {
  const tokens = async () => {
    const sf = (await loadSecrets(db)).salesforce;
    if (!sf) throw new ConnectorError('config', 'Connect Salesforce in Leadlight settings.');
    return sf;
  };
  return createSalesforceConnector({
    gate: connectorGate(db, 'salesforce', env),
    labelCache: dbLabelCache(db, env.now),
    ...(env.now ? { now: env.now } : {}),
    ...(env.policy ? { policy: env.policy } : {}),
    session: {
      accessToken: async () => (await tokens()).accessToken,
      instanceUrl: async () => (await tokens()).instanceUrl,
      refresh: () => trackRefresh(db, () => refreshSession(db, settings, tokens)),
    },
    verdictFields: { mapping: settings.salesforce.verdictFields, reasons: () => loadReasons(db) },
  });
}

/**
 * The connector for a CRM id, built from current settings. Instances are reused
 * while settings stay the same, so their caches (property labels, campaign names) last.
 */
export async function connectorFor(db: LeadlightDb, id: string, env: ConnectorEnv = {}): Promise<Connector | undefined> {
  if (id !== 'hubspot' && id !== 'salesforce') return undefined;
  const settings = await loadSettings(db);
  const secrets = await loadSecrets(db);
  if (id === 'hubspot' && !secrets.hubspotToken) return undefined;
  if (id === 'salesforce' && !secrets.salesforce) return undefined;
  const timeZone = secrets.hubspotAccount?.timeZone;
  const key = `${id}:${JSON.stringify(id === 'hubspot' ? [settings.hubspot, timeZone] : settings.salesforce)}`;
  let byKey = built.get(db);
  if (!byKey) built.set(db, (byKey = new Map<string, Connector>()));
  let connector = byKey.get(key);
  if (!connector) {
    connector = id === 'hubspot' ? hubspot(db, settings, env, timeZone) : salesforce(db, settings, env);
    byKey.set(key, connector);
  }
  return connector;
}

/** Drops the connectors built for a CRM, so none keeps what it learnt of an account no longer connected. */
export function forgetConnectors(db: LeadlightDb, id: string): void {
  const byKey = built.get(db);
  for (const key of [...(byKey?.keys() ?? [])]) if (key.startsWith(`${id}:`)) byKey?.delete(key);
}

/** The live CRM that is the current data source, if any. */
export async function liveConnector(db: LeadlightDb, env: ConnectorEnv = {}): Promise<Connector | undefined> {
  return connectorFor(db, (await loadSettings(db)).source, env);
}
