import { setFeedAlarm } from '../../background/feed-scheduler';
import { CRM_NAMES } from '../../connectors/connector';
import { clearRefreshFailures } from '../../cache/contact-cache';
import { loadFieldIssues } from '../../connectors/field-issues';
import { accountConnected, hubspotAccount, rememberAccount, salesforceAccount } from '../../connectors/account-switch';
import { HUBSPOT_ORIGINS, salesforceOrigins } from '../../connectors/crm-origins';
import { asConnectorError } from '../../connectors/errors';
import { feedOriginPattern } from '../../connectors/feed/feed-url';
import { verifyHubspotToken } from '../../connectors/hubspot/hubspot-account';
import { issuingHost, revokeSalesforceToken } from '../../connectors/salesforce';
import { keepSalesforceSignIn } from '../../connectors/salesforce-reconnect';
import { connectorHealth, resetConnectorHealth } from '../../connectors/health';
import { connectorFor, withSalesforceRefreshesHeld } from '../../connectors/registry';
import { releaseOrigins } from '../../connectors/release-origins';
import type { LeadlightDb } from '../../db/database';
import { clearMarketingData } from '../../db/seed';
import { describeSecrets, loadSecrets, updateSecrets, type Secrets } from '../../settings/secrets';
import { publishCompanyDomains } from '../../settings/company-domains';
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

/**
 * Revokes stored Salesforce tokens where they were issued. Says what the rep must do when
 * that is not confirmed: the org was not reached, or refused, or only a host guessed for
 * older tokens answered that it did not know them.
 */
async function revokeStoredSalesforce(tokens: NonNullable<Secrets['salesforce']>): Promise<string | undefined> {
  const { host, guessed } = issuingHost(tokens);
  const advice = 'Remove Leadlight under Connected Apps OAuth Usage in Salesforce.';
  try {
    const answer = await revokeSalesforceToken({ loginHost: host, token: tokens.refreshToken ?? tokens.accessToken });
    if (answer === 'unknown' && guessed)
      return `${host} did not recognise Leadlight’s Salesforce access, so it may still be open. ${advice}`;
    return undefined;
  } catch (e) {
    return `${asConnectorError(e).message} ${advice}`;
  }
}

/**
 * How the CRM that is the data source stands. One with no credentials (disconnected, its token
 * removed) needs the user as much as one that refuses them, so the sidebar and popup say so.
 */
async function connectionStatus(db: LeadlightDb, now: Date): Promise<ConnectionStatus> {
  const [{ source }, secrets] = await Promise.all([loadSettings(db), loadSecrets(db)]);
  if (source !== 'hubspot' && source !== 'salesforce') return null;
  const label = CRM_NAMES[source];
  const connected = source === 'hubspot' ? !!secrets.hubspotToken : !!secrets.salesforce;
  if (!connected) {
    const message = `${label} is not connected to Leadlight. Connect it in Leadlight settings, or choose another data source there.`;
    return { id: source, label, health: { state: 'needs_user', kind: 'auth', since: now.toISOString(), message } };
  }
  return { id: source, label, health: await connectorHealth(db, source) };
}

/** Settings and connections. Credentials go in and never come back out. */
export function connectionHandlers(deps: HandlerDeps): Pick<Handlers, ConnectionMessages> {
  const { db } = deps;
  return {
    getSettings: () => settingsView(db),
    saveSettings: async (patch) => {
      const before = await loadSettings(db);
      const after = await saveSettings(db, patch);
      // Open tabs take the new list at once: their content scripts follow extension storage.
      if (patch.companyDomains) await publishCompanyDomains(db);
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
      // Only the interval changed: nothing is fetched now, but the alarm must take it (1440 → 15 is not a day's wait).
      else if (after.source === 'feed' && after.feed?.intervalMinutes !== before.feed?.intervalMinutes) await setFeedAlarm(db);
      // The old feed's host access goes with its URL, unless the new URL or a CRM still reaches that origin.
      if (before.feed?.url && before.feed.url !== after.feed?.url) await releaseOrigins(db, [feedOriginPattern(before.feed.url)]);
      deps.kickOutbox?.();
      // The rep, the SLA, its worked statuses or the source may have changed: so may the overdue count.
      deps.slaChanged?.();
      return settingsView(db);
    },
    setHubspotToken: async ({ token }) => {
      // One cheap call first: a token HubSpot refuses is never saved, and the portal it belongs to is shown.
      const account = token ? await (deps.verifyHubspotToken ?? verifyHubspotToken)(token) : undefined;
      // Before the token is kept, so the outbox never sends another portal's verdicts with it.
      const before = (await loadSecrets(db)).hubspotAccount;
      if (account) await accountConnected(db, 'hubspot', hubspotAccount(account.portalId), before && hubspotAccount(before.portalId));
      else if (before) await rememberAccount(db, 'hubspot', hubspotAccount(before.portalId));
      await updateSecrets(db, {
        hubspotToken: token ?? undefined,
        hubspotAccount: account && { portalId: account.portalId, timeZone: account.timeZone, uiDomain: account.uiDomain },
      });
      await reconnected(db, 'hubspot');
      if (!token) await releaseOrigins(db, HUBSPOT_ORIGINS);
      deps.kickOutbox?.();
      return settingsView(db);
    },
    connectSalesforce: async () => {
      if (!deps.connectSalesforce) throw new Error('Salesforce sign-in is not available here.');
      await keepSalesforceSignIn(db, await deps.connectSalesforce());
      await reconnected(db, 'salesforce');
      deps.kickOutbox?.();
      return settingsView(db);
    },
    disconnectSalesforce: async () => {
      // A token refresh under way finishes first, so what is revoked is the last token the org issued.
      const { tokens, revokeError } = await withSalesforceRefreshesHeld(db, async () => {
        const stored = (await loadSecrets(db)).salesforce;
        if (stored) await rememberAccount(db, 'salesforce', salesforceAccount(stored));
        const problem = stored ? await revokeStoredSalesforce(stored) : undefined;
        // Forgotten here whatever the org answered: disconnecting must always work in this browser.
        await updateSecrets(db, { salesforce: undefined });
        return { tokens: stored, revokeError: problem };
      });
      await reconnected(db, 'salesforce');
      const typed = (await loadSettings(db)).salesforce.loginHost;
      await releaseOrigins(db, [...salesforceOrigins(typed), ...(tokens ? salesforceOrigins(issuingHost(tokens).host) : [])]);
      return { ...(await settingsView(db)), revoked: !!tokens && !revokeError, ...(revokeError ? { revokeError } : {}) };
    },
    getConnectionStatus: () => connectionStatus(db, deps.now?.() ?? new Date()),
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
