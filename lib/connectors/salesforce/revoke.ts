import { ConnectorError } from '../errors';
import { normalizeLoginHost } from './hosts';

const REVOKE_TIMEOUT_MS = 15_000;

/**
 * Revokes a token at the org's /services/oauth2/revoke, so a disconnected browser
 * holds nothing that still opens the org. Revoking the refresh token ends its
 * access tokens too. A token the host does not know (400 invalid_token) is
 * answered 'unknown': at the host that issued it, that is as good as revoked;
 * at a host only guessed, it says nothing about the org that did.
 */
export async function revokeSalesforceToken(o: { loginHost: string; token: string }): Promise<'revoked' | 'unknown'> {
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
  if (response.ok) return 'revoked';
  const text = await response.text();
  if (response.status === 400 && /invalid_token/.test(text)) return 'unknown';
  throw new ConnectorError(
    response.status >= 500 ? 'server' : 'client',
    `Salesforce did not revoke Leadlight’s access (HTTP ${response.status}).`,
    {
      status: response.status,
      detail: text.slice(0, 300),
    },
  );
}
