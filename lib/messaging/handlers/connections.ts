import { CRM_NAMES } from '../../connectors/connector';
import { clearRefreshFailures } from '../../cache/contact-cache';
import { loadFieldIssues } from '../../connectors/field-issues';
import { asConnectorError } from '../../connectors/errors';
import { verifyHubspotToken } from '../../connectors/hubspot/hubspot-account';
import { revokeSalesforceToken } from '../../connectors/salesforce';
import { connectorHealth, resetConnectorHealth } from '../../connectors/health';
import { connectorFor } from '../../connectors/registry';
import type { LeadlightDb } from '../../db/database';
import { clearMarketingData } from '../../db/seed';
import { describeSecrets, loadSecrets, updateSecrets } from '../../settings/secrets';
import { loadSettings, saveSettings } from '../../settings/settings';
import type { ConnectionStatus, SettingsView } from '../protocol';
import type { HandlerDeps, Handlers } from './deps';

async function settingsView(db: LeadlightDb): Promise<SettingsView> {
  const [settings, secrets, feed] = await Promise.all([loadSettings(db), loadSecrets(db), db.meta.get('sync:feed')]);
  return {
    settings,
    connections: describeSecrets(secrets),
    feed: feed ? { lastSyncAt: feed.lastSyncAt, lastError: feed.lastError, syncing: feed.phase } : undefined,
  };
}

type ConnectionMessages =
  | 'getSettings'
  | 'saveSettings'
  | 'setHubspotToken'
  | 'connectSalesforce'
  | 'disconnectSalesforce'
  | 'syncFeedNow'
  | 'getConnectionStatus'
  | 'getSalesforceFields'
  | 'getFieldIssues';

/** A reconnection: whatever the old credentials ran into, for the connection and for each contact, no longer holds. */
async function reconnected(db: LeadlightDb, id: 'hubspot' | 'salesforce'): Promise<void> {
  await resetConnectorHealth(db, id);
  await clearRefreshFailures(db);
}

async function connectionStatus(db: LeadlightDb): Promise<ConnectionStatus> {
  const { source } = await loadSettings(db);
  if (source !== 'hubspot' && source !== 'salesforce') return null;
  return { id: source, label: CRM_NAMES[source], health: await connectorHealth(db, source) };
}

/** Settings and connections. Credentials go in and never come back out. */
export function connectionHandlers(deps: HandlerDeps): Pick<Handlers, ConnectionMessages> {
  const { db } = deps;
  return {
    getSettings: () => settingsView(db),
    saveSettings: async (patch) => {
      const before = await loadSettings(db);
      const after = await saveSettings(db, patch);
      if (after.source !== before.source && (after.source === 'hubspot' || after.source === 'salesforce')) {
        // A live CRM is the source now: drop the previous source's contacts so nothing stale mixes in.
        const name = CRM_NAMES[after.source];
        await db.transaction('rw', [db.contacts, db.campaigns, db.meta], async () => {
          await clearMarketingData(db);
          await db.meta.put({
            key: 'source',
            name,
            loadedAt: new Date().toISOString(),
          });
        });
      }
      // The first fetch of a new feed can take a while; saving answers at once and the
      // options page follows the sync through getSettings.
      if (after.source === 'feed' && after.feed && (before.source !== 'feed' || before.feed?.url !== after.feed.url))
        void deps.syncFeedNow?.().catch(() => undefined);
      deps.kickOutbox?.();
      // The rep, the SLA, its worked statuses or the source may have changed: so may the overdue count.
      deps.slaChanged?.();
      return settingsView(db);
    },
    setHubspotToken: async ({ token }) => {
      // One cheap call first: a token HubSpot refuses is never saved, and the portal it belongs to is shown.
      const account = token ? await (deps.verifyHubspotToken ?? verifyHubspotToken)(token) : undefined;
      await updateSecrets(db, {
        hubspotToken: token ?? undefined,
        hubspotAccount: account && { portalId: account.portalId, timeZone: account.timeZone, uiDomain: account.uiDomain },
      });
      await reconnected(db, 'hubspot');
      deps.kickOutbox?.();
      return settingsView(db);
    },
    connectSalesforce: async () => {
      if (!deps.connectSalesforce) throw new Error('Salesforce sign-in is not available here.');
      const replaced = (await loadSecrets(db)).salesforce;
      await deps.connectSalesforce();
      // The sign-in replaced would still open its org until revoked. Best effort, at that org's
      // own host (the login host may have just changed): the new sign-in works either way.
      const current = (await loadSecrets(db)).salesforce;
      if (replaced?.refreshToken && replaced.refreshToken !== current?.refreshToken) {
        const host = replaced.loginHost ?? new URL(replaced.instanceUrl).host;
        await revokeSalesforceToken({ loginHost: host, token: replaced.refreshToken }).catch(() => undefined);
      }
      await reconnected(db, 'salesforce');
      deps.kickOutbox?.();
      return settingsView(db);
    },
    disconnectSalesforce: async () => {
      const [tokens, settings] = await Promise.all([loadSecrets(db).then((s) => s.salesforce), loadSettings(db)]);
      let revokeError: string | undefined;
      if (tokens) {
        try {
          await revokeSalesforceToken({
            loginHost: tokens.loginHost ?? settings.salesforce.loginHost,
            token: tokens.refreshToken ?? tokens.accessToken,
          });
        } catch (e) {
          revokeError = `${asConnectorError(e).message} Remove Leadlight under Connected Apps OAuth Usage in Salesforce.`;
        }
      }
      // Forgotten here whatever the org answered: disconnecting must always work in this browser.
      await updateSecrets(db, { salesforce: undefined });
      await reconnected(db, 'salesforce');
      return { ...(await settingsView(db)), revoked: !!tokens && !revokeError, ...(revokeError ? { revokeError } : {}) };
    },
    getConnectionStatus: () => connectionStatus(db),
    getSalesforceFields: async ({ object, fresh }) => {
      const salesforce = await connectorFor(db, 'salesforce');
      if (!salesforce?.writableFields) throw new Error('Connect Salesforce first: its Lead fields are read from your org.');
      return salesforce.writableFields(object, fresh);
    },
    getFieldIssues: () => loadFieldIssues(db),
    syncFeedNow: async () => {
      if (!deps.syncFeedNow) throw new Error('Feed sync is not available here.');
      return deps.syncFeedNow();
    },
  };
}
