import { browser } from 'wxt/browser';
import { ConnectorError } from '../connectors/errors';
import { connectSalesforce } from '../connectors/salesforce';
import type { LeadlightDb } from '../db/database';
import type { SalesforceSignIn } from '../connectors/salesforce-reconnect';
import { loadSettings } from '../settings/settings';

/**
 * Runs the Salesforce OAuth window (PKCE, no client secret) and returns the tokens, for the
 * connect handler to keep (see keepSalesforceSignIn: the account switch comes before the store).
 */
export async function signInToSalesforce(db: LeadlightDb): Promise<SalesforceSignIn> {
  const { salesforce } = await loadSettings(db);
  if (!salesforce.clientId) throw new ConnectorError('config', "Enter your connected app's consumer key first.");
  return connectSalesforce({
    loginHost: salesforce.loginHost,
    clientId: salesforce.clientId,
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: async (url) => {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('No redirect');
      return redirect;
    },
  });
}
