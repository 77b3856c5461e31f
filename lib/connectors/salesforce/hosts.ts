import { ConnectorError } from '../errors';

// Salesforce serves logins and orgs from these domains (login/test, My Domain,
// sandboxes, Experience Cloud sites). Anything else is refused so a mistyped or
// hostile setting never receives the authorization code or a bearer token.
const SALESFORCE_DOMAINS = ['salesforce.com', 'force.com'] as const;
const HOST_LABELS = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** True for a bare host name under salesforce.com or force.com. */
export function isSalesforceHost(host: string): boolean {
  return HOST_LABELS.test(host) && SALESFORCE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * The login host an admin typed (`login.salesforce.com`, `test.salesforce.com`,
 * `brightwave.my.salesforce.com`, or the same pasted as a URL) as a bare host name.
 */
export function normalizeLoginHost(input: string): string {
  const trimmed = input.trim().toLowerCase();
  let host: string;
  try {
    const url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' || url.port || url.username || (url.pathname !== '/' && url.pathname !== ''))
      throw new Error('not a host');
    host = url.hostname;
  } catch {
    host = '';
  }
  if (!isSalesforceHost(host)) {
    throw new ConnectorError(
      'config',
      `“${input}” is not a Salesforce login host. Use login.salesforce.com, test.salesforce.com or your My Domain (…my.salesforce.com).`,
    );
  }
  return host;
}

/**
 * The org's instance URL from a token response, checked before any token is sent
 * to it: https, a Salesforce host, no path. Returned without a trailing slash.
 */
export function checkInstanceUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.port || !isSalesforceHost(url.hostname) || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ConnectorError('invalid_response', 'Salesforce returned an instance address Leadlight does not trust.', { detail: value });
  }
  return url.origin;
}

/**
 * Where stored tokens are refreshed and revoked: the login host that issued them, else, for
 * tokens stored before that host was kept, their org's own host (My Domain serves both
 * endpoints), never the host the options form names now. `guessed` says it is that fallback.
 */
export function issuingHost(tokens: { loginHost?: string; instanceUrl: string }): { host: string; guessed: boolean } {
  if (tokens.loginHost) return { host: tokens.loginHost, guessed: false };
  return { host: new URL(tokens.instanceUrl).host, guessed: true };
}
