import { createHash } from 'node:crypto';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { connectSalesforce } from '@/lib/connectors/salesforce/connect';
import { normalizeLoginHost } from '@/lib/connectors/salesforce/hosts';
import { buildAuthorizeUrl, exchangeCode, parseRedirect, refreshAccessToken } from '@/lib/connectors/salesforce/oauth';
import { createPkcePair } from '@/lib/connectors/salesforce/pkce';
import { readFixtureJson } from '../support/fixtures';

const fixture = (name: string) => readFixtureJson<JsonBodyType>(`http/salesforce/${name}.json`);
const CLIENT_ID = '3MVG9FakeConsumerKeyForLeadlightTests';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const TOKEN_URL = 'https://login.salesforce.com/services/oauth2/token';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Token endpoint that records each form body it receives. */
function tokenEndpoint(respond: () => Response) {
  const received: { contentType: string | null; form: Record<string, string> }[] = [];
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      received.push({
        contentType: request.headers.get('content-type'),
        form: Object.fromEntries(new URLSearchParams(await request.text())),
      });
      return respond();
    }),
  );
  return received;
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

function catching(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectorError);
    return e as ConnectorError;
  }
  throw new Error('expected a ConnectorError');
}

describe('PKCE', () => {
  it('makes an unreserved-charset verifier and its base64url SHA-256 challenge', async () => {
    const { verifier, challenge } = await createPkcePair();
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(verifier.length).toBeLessThanOrEqual(128);
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
    expect(challenge).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never repeats a verifier', async () => {
    const verifiers = new Set(await Promise.all(Array.from({ length: 20 }, async () => (await createPkcePair()).verifier)));
    expect(verifiers.size).toBe(20);
  });
});

describe('authorize URL and login host', () => {
  it('asks for a code with an S256 challenge, state and the api refresh_token scopes', () => {
    const url = new URL(
      buildAuthorizeUrl({
        loginHost: 'test.salesforce.com',
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        challenge: 'abc_-123',
        state: 'st4te',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://test.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      code_challenge: 'abc_-123',
      code_challenge_method: 'S256',
      state: 'st4te',
      scope: 'api refresh_token',
    });
  });

  it('accepts login, sandbox and My Domain hosts, also pasted as URLs', () => {
    expect(normalizeLoginHost('login.salesforce.com')).toBe('login.salesforce.com');
    expect(normalizeLoginHost(' https://Brightwave.my.salesforce.com/ ')).toBe('brightwave.my.salesforce.com');
    expect(normalizeLoginHost('brightwave--uat.sandbox.my.salesforce.com')).toBe('brightwave--uat.sandbox.my.salesforce.com');
    expect(normalizeLoginHost('brightwave.my.site.force.com')).toBe('brightwave.my.site.force.com');
  });

  it.each([
    'evil.example',
    'login.salesforce.com.evil.example',
    'notsalesforce.com',
    'http://login.salesforce.com',
    'login.salesforce.com/path',
    'login.salesforce.com:8443',
  ])('refuses %s as a login host', (host) => {
    expect(catching(() => normalizeLoginHost(host)).kind).toBe('config');
  });
});

describe('parseRedirect', () => {
  it('returns the code when the state matches', () => {
    expect(parseRedirect(`${REDIRECT}?code=aPrxFakeCode%3D%3D&state=s1`, 's1')).toBe('aPrxFakeCode==');
  });

  it('reports a declined consent as auth', () => {
    const error = catching(() =>
      parseRedirect(`${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=s1`, 's1'),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/not allowed/);
    expect(error.options.detail).toContain('end-user denied authorization');
  });

  it('refuses a redirect for another login (state mismatch) and one without a code', () => {
    expect(catching(() => parseRedirect(`${REDIRECT}?code=abc&state=other`, 's1')).kind).toBe('auth');
    expect(catching(() => parseRedirect(`${REDIRECT}?code=abc`, 's1')).kind).toBe('auth');
    expect(catching(() => parseRedirect(`${REDIRECT}?state=s1`, 's1')).kind).toBe('auth');
  });
});

describe('token endpoint', () => {
  it('exchanges the code with the PKCE verifier as a form, without a client secret', async () => {
    const received = tokenEndpoint(() => HttpResponse.json(fixture('token-authorization-code')));
    const token = await exchangeCode({
      loginHost: 'login.salesforce.com',
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      code: 'aPrxCode',
      verifier: 'v'.repeat(64),
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(received[0]?.form).toEqual({
      grant_type: 'authorization_code',
      code: 'aPrxCode',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      code_verifier: 'v'.repeat(64),
    });
    expect(received[0]?.form).not.toHaveProperty('client_secret');
    expect(token.instance_url).toBe('https://brightwave.my.salesforce.com');
    expect(token.refresh_token).toBe('5Aep861FakeRefreshTokenForTestsOnly.xyz789');
  });

  it('maps invalid_grant to auth, keeping Salesforce’s words in the detail', async () => {
    tokenEndpoint(() => HttpResponse.json(fixture('token-error-invalid-grant'), { status: 400 }));
    const error = await rejection(refreshAccessToken({ loginHost: 'login.salesforce.com', clientId: CLIENT_ID, refreshToken: 'old' }));
    expect(error.kind).toBe('auth');
    expect(error.options.detail).toBe('invalid_grant: expired access/refresh token');
  });

  it('maps any other 401 from the token endpoint to auth, so a session that cannot be renewed stops calling', async () => {
    // What an org's own host answers a renewal it will not take, in its REST error shape.
    tokenEndpoint(() => HttpResponse.json([{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }], { status: 401 }));
    const error = await rejection(refreshAccessToken({ loginHost: 'login.salesforce.com', clientId: CLIENT_ID, refreshToken: 'old' }));
    expect(error.kind).toBe('auth');
  });

  it('refuses an instance URL outside Salesforce before any token is used there', async () => {
    const body = { ...(fixture('token-authorization-code') as object), instance_url: 'https://brightwave.evil.example' };
    tokenEndpoint(() => HttpResponse.json(body));
    const error = await rejection(
      exchangeCode({ loginHost: 'login.salesforce.com', clientId: CLIENT_ID, redirectUri: REDIRECT, code: 'c', verifier: 'v'.repeat(43) }),
    );
    expect(error.kind).toBe('invalid_response');
  });

  it('refreshes with grant_type=refresh_token and returns the new access token', async () => {
    const received = tokenEndpoint(() => HttpResponse.json(fixture('token-refresh')));
    const refreshed = await refreshAccessToken({ loginHost: 'login.salesforce.com', clientId: CLIENT_ID, refreshToken: '5Aep861Old' });
    expect(received[0]?.form).toEqual({ grant_type: 'refresh_token', refresh_token: '5Aep861Old', client_id: CLIENT_ID });
    expect(refreshed).toEqual({
      accessToken: '00DHs000000BrwvAAA!AQ0AQFakeRefreshedAccessToken.def456',
      instanceUrl: 'https://brightwave.my.salesforce.com',
      issuedAt: '2026-03-12T13:00:00.000Z',
    });
  });
});

describe('connectSalesforce', () => {
  it('opens the authorize URL, checks the state and returns the token set', async () => {
    const received = tokenEndpoint(() => HttpResponse.json(fixture('token-authorization-code')));
    let opened: URL | undefined;
    const tokens = await connectSalesforce({
      loginHost: 'login.salesforce.com',
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      launchWebAuthFlow: async (url) => {
        opened = new URL(url);
        return `${REDIRECT}?code=aPrxCode&state=${opened.searchParams.get('state') ?? ''}`;
      },
    });
    expect(tokens).toEqual({
      accessToken: '00DHs000000BrwvAAA!AQ0AQFakeAccessTokenForTestsOnly.abc123',
      refreshToken: '5Aep861FakeRefreshTokenForTestsOnly.xyz789',
      instanceUrl: 'https://brightwave.my.salesforce.com',
      issuedAt: '2026-03-12T12:00:00.000Z',
      // Kept with the tokens: renewing and revoking them goes to the app and host that issued them.
      loginHost: 'login.salesforce.com',
      clientId: CLIENT_ID,
      // Which org and user signed in, from the identity URL: a reconnect to another org is told apart.
      orgId: '00DHs000000BrwvAAA',
      userId: '005Hs000000ARivQAA',
    });
    const verifier = received[0]?.form.code_verifier ?? '';
    expect(opened?.searchParams.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('reports a closed sign-in window as auth and calls no token endpoint', async () => {
    const error = await rejection(
      connectSalesforce({
        loginHost: 'login.salesforce.com',
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')),
      }),
    );
    expect(error.kind).toBe('auth');
  });

  it('needs a refresh token, so a connected app without the scope is a config error', async () => {
    const { refresh_token: _, ...withoutRefresh } = fixture('token-authorization-code') as Record<string, unknown>;
    tokenEndpoint(() => HttpResponse.json(withoutRefresh));
    const error = await rejection(
      connectSalesforce({
        loginHost: 'login.salesforce.com',
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        launchWebAuthFlow: async (url) => `${REDIRECT}?code=c&state=${new URL(url).searchParams.get('state') ?? ''}`,
      }),
    );
    expect(error.kind).toBe('config');
  });
});
