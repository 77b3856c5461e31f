import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { dailyLimitRetryAfterMs, salesforceLimitHint } from '@/lib/connectors/salesforce/classify';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { fixture, INSTANCE, listeningServer } from '../support/salesforce-org';

const QUERY = `${INSTANCE}/services/data/v60.0/query`;
const NOW = Date.parse('2026-03-12T10:15:00.000Z');

const server = listeningServer();

/** The org answers each query with the next response in line (the last one repeats). */
function org(...responses: (() => Response)[]) {
  const seen: string[] = [];
  server.use(
    http.get(QUERY, ({ request }) => {
      seen.push(request.headers.get('authorization') ?? '');
      const respond = responses[Math.min(seen.length, responses.length) - 1];
      return respond ? respond() : HttpResponse.json(fixture('query-empty'));
    }),
  );
  return seen;
}
const sfError = (name: string, status: number) => () => HttpResponse.json(fixture(name), { status });
const ok = (name: string) => () => HttpResponse.json(fixture(name));

function setup(refresh: () => Promise<string> = async () => 'token-2') {
  const sleep = vi.fn(async (_ms: number) => {});
  const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep, random: () => 0.5 };
  // Like the real session store, a refreshed token is what later calls get.
  let token = 'token-1';
  const session = {
    accessToken: async () => token,
    instanceUrl: async () => INSTANCE,
    refresh: vi.fn(async () => (token = await refresh())),
  };
  return { sleep, session, connector: createSalesforceConnector({ session, policy, now: () => NOW }) };
}

async function failure(promise: Promise<unknown> | undefined): Promise<ConnectorError> {
  const error = await promise?.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('Salesforce errors', () => {
  it('refreshes once after INVALID_SESSION_ID and retries with the new token', async () => {
    const seen = org(sfError('error-invalid-session', 401), ok('query-empty'), ok('contact-priya-raman'));
    const { connector, session } = setup();
    const bundle = await connector.fetchContact?.('priya.raman@corvidretail.example');
    expect(bundle?.contact.name).toBe('Priya Raman');
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
  });

  it('renews the session once for lookups refused together, so a rotated refresh token is used once', async () => {
    server.use(
      http.get(QUERY, ({ request }) =>
        request.headers.get('authorization') === 'Bearer token-1'
          ? HttpResponse.json(fixture('error-invalid-session'), { status: 401 })
          : HttpResponse.json(fixture('query-empty')),
      ),
    );
    const { connector, session } = setup(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return 'token-2';
    });
    await Promise.all([
      connector.fetchContact?.('priya.raman@corvidretail.example'),
      connector.fetchContact?.('tom.becker@aldermfg.example'),
    ]);
    expect(session.refresh).toHaveBeenCalledTimes(1);
  });

  it('is auth when the refresh fails, without another request', async () => {
    const seen = org(sfError('error-invalid-session', 401));
    const { connector } = setup(() => Promise.reject(new ConnectorError('auth', 'Reconnect Salesforce.', { detail: 'invalid_grant' })));
    expect((await failure(connector.fetchContact?.('tom.becker@aldermfg.example'))).kind).toBe('auth');
    expect(seen).toHaveLength(1);
  });

  it('is auth when the refresh throws something else', async () => {
    org(sfError('error-invalid-session', 401));
    const { connector } = setup(() => Promise.reject(new Error('no refresh token stored')));
    const error = await failure(connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('auth');
    expect(error.options.detail).toContain('no refresh token stored');
  });

  it('is auth when the session is still invalid after one refresh', async () => {
    const seen = org(sfError('error-invalid-session', 401));
    const { connector, session } = setup();
    expect((await failure(connector.fetchContact?.('tom.becker@aldermfg.example'))).kind).toBe('auth');
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it('treats 403 REQUEST_LIMIT_EXCEEDED as rate_limited until the next hour, never waiting inline', async () => {
    const seen = org(sfError('error-request-limit-exceeded', 403));
    const { connector, sleep } = setup();
    const error = await failure(connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(45 * 60_000);
    expect(error.options.detail).toContain('TotalRequests Limit exceeded.');
    expect(seen).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('pauses before the next call when Sforce-Limit-Info says the allowance is spent', () => {
    const hint = salesforceLimitHint(() => NOW);
    expect(hint(new Headers({ 'sforce-limit-info': 'api-usage=14999/15000' }))).toBeNull();
    expect(hint(new Headers())).toBeNull();
    expect(hint(new Headers({ 'sforce-limit-info': 'api-usage=15000/15000' }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: dailyLimitRetryAfterMs(NOW),
    });
  });

  it('waits at least half an hour even just before the hour', () => {
    expect(dailyLimitRetryAfterMs(Date.parse('2026-03-12T10:59:59.000Z'))).toBe(60 * 60_000 + 1000);
    expect(dailyLimitRetryAfterMs(Date.parse('2026-03-12T10:00:00.000Z'))).toBe(60 * 60_000);
  });

  it.each([
    ['error-insufficient-access', /access to Leads, Contacts, Campaigns and Tasks/],
    ['error-api-disabled', /API Enabled/],
  ])('explains %s as a scopes problem', async (name, message) => {
    const seen = org(sfError(name, 403));
    const error = await failure(setup().connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('scopes');
    expect(error.message).toMatch(message);
    expect(seen).toHaveLength(1);
  });

  it('is client for MALFORMED_QUERY, without retrying', async () => {
    const seen = org(sfError('error-malformed-query', 400));
    const error = await failure(setup().connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('client');
    expect(error.options.detail).toContain('MALFORMED_QUERY');
    expect(seen).toHaveLength(1);
  });

  it('names the hidden field for INVALID_FIELD', async () => {
    org(sfError('error-invalid-field', 400));
    const error = await failure(setup().connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('client');
    expect(error.message).toContain('Rating');
    expect(error.message).toContain('field-level security');
    expect(error.options.detail).toContain('[field: Rating]');
  });

  it('retries 503 SERVER_UNAVAILABLE with backoff, then reports server', async () => {
    const seen = org(sfError('error-server-unavailable', 503));
    const { connector, sleep } = setup();
    const error = await failure(connector.fetchContact?.('tom.becker@aldermfg.example'));
    expect(error.kind).toBe('server');
    expect(seen).toHaveLength(1 + DEFAULT_POLICY.maxRetries);
    expect(sleep).toHaveBeenCalledTimes(DEFAULT_POLICY.maxRetries);
  });

  it('recovers when a 503 clears on retry', async () => {
    const seen = org(sfError('error-server-unavailable', 503), ok('lead-tom-becker'));
    server.use(http.get(`${QUERY}/:locator`, () => HttpResponse.json(fixture('lead-tom-becker-members-page-2'))));
    const bundle = await setup().connector.fetchContact?.('tom.becker@aldermfg.example');
    expect(bundle?.touches).toHaveLength(4);
    expect(seen).toHaveLength(2);
  });

  it('is invalid_response when a 200 body is not a query result', async () => {
    org(() => HttpResponse.json({ totalSize: 1, done: true, records: [{ attributes: { type: 'Lead' }, Id: 'not-an-id' }] }));
    expect((await failure(setup().connector.fetchContact?.('tom.becker@aldermfg.example'))).kind).toBe('invalid_response');
  });

  it('is invalid_response when Salesforce answers 200 with HTML', async () => {
    org(() => new HttpResponse('<html>Maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect((await failure(setup().connector.fetchContact?.('tom.becker@aldermfg.example'))).kind).toBe('invalid_response');
  });
});
