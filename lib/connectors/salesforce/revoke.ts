import { ConnectorError } from '../errors';
import { normalizeLoginHost } from './hosts';

const REVOKE_TIMEOUT_MS = 15_000;

/**
 * Revokes a token at the org's /services/oauth2/revoke, so a disconnected browser
 * holds nothing that still opens the org. Revoking the refresh token ends its
 * access tokens too. A token Salesforce no longer knows (400 invalid_token) is
 * already as good as revoked.
 */
export async function revokeSalesforceToken(o: { loginHost: string; token: string }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`https://${normalizeLoginHost(o.loginHost)}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: o.token }).toString(),
      signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
    });
  } catch (e) {
    throw new ConnectorError('network', 'Could not reach Salesforce to revoke Leadlight’s access.', { detail: String(e) });
  }
  if (response.ok) return;
  const text = await response.text();
  if (response.status === 400 && /invalid_token/.test(text)) return;
  throw new ConnectorError(
    response.status >= 500 ? 'server' : 'client',
    `Salesforce did not revoke Leadlight’s access (HTTP ${response.status}).`,
    {
      status: response.status,
      detail: text.slice(0, 300),
    },
  );
}
