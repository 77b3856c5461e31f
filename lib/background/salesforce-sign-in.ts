import { browser } from 'wxt/browser';
import { ConnectorError } from '../connectors/errors';
import { connectSalesforce } from '../connectors/salesforce';
import { keepSalesforceSignIn } from '../connectors/salesforce-reconnect';
import type { LeadlightDb } from '../db/database';
import { loadSettings } from '../settings/settings';

/**
 * Runs the Salesforce OAuth window (PKCE, no client secret) and keeps the tokens in the background,
 * switching accounts first when they open another org (see keepSalesforceSignIn).
 */
export async function signInToSalesforce(db: LeadlightDb): Promise<void> {
  const { salesforce } = await loadSettings(db);
  if (!salesforce.clientId) throw new ConnectorError('config', "Enter your connected app's consumer key first.");
  const tokens = await connectSalesforce({
    loginHost: salesforce.loginHost,
    clientId: salesforce.clientId,
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: async (url) => {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('No redirect');
      return redirect;
    },
  });
  await keepSalesforceSignIn(db, tokens);
}
