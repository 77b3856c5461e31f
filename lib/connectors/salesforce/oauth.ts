import { z } from 'zod';
import { ConnectorError } from '../errors';
import { checkInstanceUrl, normalizeLoginHost } from './hosts';

/** Scopes Leadlight asks for: REST API access, and a refresh token so reps sign in once. */
export const SALESFORCE_SCOPES = 'api refresh_token';
const TOKEN_TIMEOUT_MS = 15_000;

/** The token endpoint's success body (authorization_code and refresh_token grants). */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // Only the code exchange returns one, and only with the refresh_token scope; refreshes omit it unless rotation is on.
  refresh_token: z.string().min(1).optional(),
  instance_url: z.string().transform((url) => checkInstanceUrl(url)),
  /** Identity URL: https://login.salesforce.com/id/<orgId>/<userId>. */
  id: z.url(),
  /** Milliseconds since the epoch, as a string. */
  issued_at: z.string().regex(/^\d{10,16}$/),
  /** HMAC over id and issued_at keyed with the consumer secret; a public client cannot check it. */
  signature: z.string(),
  token_type: z.string(),
  scope: z.string().optional(),
});
export type TokenResponse = z.output<typeof TokenResponseSchema>;

const TokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** The authorize URL the sign-in window opens, with an S256 PKCE challenge and CSRF state. */
export function buildAuthorizeUrl(o: {
  loginHost: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  state: string;
}): string {
  const url = new URL(`https://${normalizeLoginHost(o.loginHost)}/services/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    code_challenge: o.challenge,
    code_challenge_method: 'S256',
    state: o.state,
    scope: SALESFORCE_SCOPES,
  }).toString();
  return url.toString();
}

/** The authorization code from the redirect the sign-in window ended on. */
export function parseRedirect(redirectUrl: string, expectedState: string): string {
  let params: URLSearchParams;
  try {
    params = new URL(redirectUrl).searchParams;
  } catch {
    throw new ConnectorError('auth', 'Salesforce sign-in ended on an address Leadlight cannot read. Try connecting again.', {
      detail: redirectUrl,
    });
  }
  const error = params.get('error');
  if (error) {
    const message =
      error === 'access_denied' ? 'Salesforce access was not allowed, so Leadlight is not connected.' : 'Salesforce sign-in failed.';
    throw new ConnectorError('auth', message, { detail: `${error}: ${params.get('error_description') ?? ''}`.trim() });
  }
  // A different state means this redirect answers a login we did not start (CSRF or a stale window).
  if (params.get('state') !== expectedState)
    throw new ConnectorError('auth', 'The Salesforce sign-in did not match this request. Try connecting again.', {
      detail: 'state mismatch',
    });
  const code = params.get('code');
  if (!code) throw new ConnectorError('auth', 'Salesforce did not return a sign-in code. Try connecting again.');
  return code;
}

function tokenError(status: number, body: unknown): ConnectorError {
  const parsed = TokenErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error : '';
  const detail = parsed.success ? `${code}: ${parsed.data.error_description ?? ''}` : `HTTP ${status}`;
  if (status >= 500) return new ConnectorError('server', `Salesforce sign-in had a problem (HTTP ${status}).`, { status, detail });
  if (code === 'invalid_grant' || code === 'inactive_user' || code === 'inactive_org')
    return new ConnectorError('auth', 'The Salesforce sign-in expired or was revoked. Reconnect Salesforce in Leadlight settings.', {
      status,
      detail,
    });
  if (code === 'invalid_app_access')
    return new ConnectorError('scopes', 'Your Salesforce admin has not approved Leadlight for your user.', { status, detail });
  if (code === 'invalid_client_id' || code === 'invalid_client' || code === 'redirect_uri_mismatch')
    return new ConnectorError(
      'config',
      'The Salesforce connected app is not set up for Leadlight (consumer key or callback URL). Ask your Salesforce admin.',
      { status, detail },
    );
  // Any other refusal of who we are: the session cannot be renewed, so calls stop until the rep reconnects.
  if (status === 401)
    return new ConnectorError('auth', 'The Salesforce sign-in expired or was revoked. Reconnect Salesforce in Leadlight settings.', {
      status,
      detail,
    });
  return new ConnectorError('client', `Salesforce refused the sign-in (HTTP ${status}).`, { status, detail });
}

// The token endpoint takes a form body, which requestJson (JSON only) does not send.
async function postToken(loginHost: string, form: Record<string, string>): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetch(`https://${normalizeLoginHost(loginHost)}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'TimeoutError')
      throw new ConnectorError('timeout', 'Salesforce sign-in did not answer in time.');
    throw new ConnectorError('network', 'Could not reach Salesforce. Check the connection.', { detail: String(e) });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // keep the text for the error detail
  }
  if (!response.ok) throw tokenError(response.status, body);
  const parsed = TokenResponseSchema.safeParse(body);
  if (!parsed.success)
    throw new ConnectorError('invalid_response', 'Salesforce answered the sign-in with data Leadlight does not understand.', {
      detail: parsed.error.message,
    });
  return parsed.data;
}

/**
 * The org and user a sign-in belongs to, from the token response's identity URL
 * (…/id/<orgId>/<userId>): what tells a reconnect to another org from one to the same.
 */
export function salesforceIdentity(idUrl: string): { orgId: string; userId: string } | undefined {
  const match = /\/id\/(00D[A-Za-z0-9]{12,15})\/(005[A-Za-z0-9]{12,15})\/?$/.exec(new URL(idUrl).pathname);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : undefined;
}

/** Trades the authorization code for tokens, proving the login with the PKCE verifier (no client secret). */
export function exchangeCode(o: {
  loginHost: string;
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
}): Promise<TokenResponse> {
  return postToken(o.loginHost, {
    grant_type: 'authorization_code',
    code: o.code,
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    code_verifier: o.verifier,
  });
}

/** A new access token from the refresh token; `refreshToken` is set only when the org rotates them. */
export async function refreshAccessToken(o: { loginHost: string; clientId: string; refreshToken: string }) {
  const token = await postToken(o.loginHost, { grant_type: 'refresh_token', refresh_token: o.refreshToken, client_id: o.clientId });
  return {
    accessToken: token.access_token,
    instanceUrl: token.instance_url,
    issuedAt: new Date(Number(token.issued_at)).toISOString(),
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
  };
}
