import { ConnectorError } from '../errors';
import { buildAuthorizeUrl, exchangeCode, parseRedirect, salesforceIdentity } from './oauth';
import { createOAuthState, createPkcePair } from './pkce';

/** What Leadlight keeps after connecting: enough to call the org and to refresh. */
/** `loginHost` and `clientId` issued the tokens: their refresh and revoke go there, whatever the options form says later. */
export type SalesforceTokenSet = {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  issuedAt: string;
  loginHost: string;
  clientId: string;
  /** The org and user signed in to (see salesforceIdentity). */
  orgId?: string;
  userId?: string;
};

/**
 * The whole sign-in: PKCE pair and state, the Salesforce login window, and the
 * code exchange. The browser APIs come in as arguments (`launchWebAuthFlow`
 * wrapping browser.identity.launchWebAuthFlow with interactive: true, and
 * `redirectUri` from browser.identity.getRedirectURL()) so this runs in tests.
 */
export async function connectSalesforce(o: {
  loginHost: string;
  clientId: string;
  redirectUri: string;
  launchWebAuthFlow: (url: string) => Promise<string>;
}): Promise<SalesforceTokenSet> {
  const { verifier, challenge } = await createPkcePair();
  const state = createOAuthState();
  const authorizeUrl = buildAuthorizeUrl({ loginHost: o.loginHost, clientId: o.clientId, redirectUri: o.redirectUri, challenge, state });
  let redirect: string;
  try {
    redirect = await o.launchWebAuthFlow(authorizeUrl);
  } catch (e) {
    // The browser rejects when the user closes the window or the page never redirects back.
    throw new ConnectorError('auth', 'Salesforce sign-in was closed before it finished.', { detail: String(e) });
  }
  const code = parseRedirect(redirect, state);
  const token = await exchangeCode({ loginHost: o.loginHost, clientId: o.clientId, redirectUri: o.redirectUri, code, verifier });
  if (!token.refresh_token) {
    throw new ConnectorError(
      'config',
      'Salesforce did not issue a refresh token. The connected app needs the “refresh_token, offline_access” scope.',
    );
  }
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    instanceUrl: token.instance_url,
    issuedAt: new Date(Number(token.issued_at)).toISOString(),
    loginHost: o.loginHost,
    clientId: o.clientId,
    ...salesforceIdentity(token.id),
  };
}
