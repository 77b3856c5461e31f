import type { LeadlightDb } from '../db/database';
import { loadReasons } from '../db/definitions-repository';
import { loadSecrets, updateSecrets } from '../settings/secrets';
import { loadSettings, type Settings } from '../settings/settings';
import type { Connector } from './connector';
import { ConnectorError } from './errors';
import { connectorGate } from './health';
import { dbLabelCache } from './label-cache';
import type { HttpPolicy } from './http';
import { createHubspotConnector } from './hubspot/hubspot-connector';
import { dbVerdictSchemaStore } from './hubspot/verdict-schema-store';
import { createSalesforceConnector, refreshAccessToken } from './salesforce';

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
      refresh: async () => {
        const current = await tokens();
        // The app and host that issued the tokens, which a form edited since may no longer name.
        const clientId = current.clientId ?? settings.salesforce.clientId;
        const loginHost = current.loginHost ?? settings.salesforce.loginHost;
        if (!current.refreshToken || !clientId)
          throw new ConnectorError('auth', 'The Salesforce session ended. Reconnect Salesforce in Leadlight settings.');
        const next = await refreshAccessToken({ loginHost, clientId, refreshToken: current.refreshToken });
        await updateSecrets(db, { salesforce: { ...current, ...next } });
        return next.accessToken;
      },
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

/** The live CRM that is the current data source, if any. */
export async function liveConnector(db: LeadlightDb, env: ConnectorEnv = {}): Promise<Connector | undefined> {
  return connectorFor(db, (await loadSettings(db)).source, env);
}
