import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import type { CallGate } from '@/lib/connectors/health';
import { DEFAULT_POLICY, requestJson, retryAfterMs } from '@/lib/connectors/http';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
const policy = { ...DEFAULT_POLICY, sleep: vi.fn(async () => {}), random: () => 0.5 };
const URL_ = 'https://api.crm.example/things';

describe('requestJson', () => {
  it('retries a read after a 503 with backoff', async () => {
    let calls = 0;
    server.use(http.get(URL_, () => (++calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }))));
    expect(await requestJson({ url: URL_ }, z.object({ ok: z.boolean() }), { policy })).toEqual({ ok: true });
    expect(calls).toBe(3);
  });

  it('never repeats a create itself: a lost answer may hide a written record', async () => {
    let calls = 0;
    server.use(http.post(URL_, () => (++calls, new HttpResponse(null, { status: 502 }))));
    await expect(requestJson({ url: URL_, method: 'POST', body: {}, retryable: false }, z.object({}), { policy })).rejects.toMatchObject({
      kind: 'server',
    });
    expect(calls).toBe(1);
  });

  it('refreshes the token once on a 401, then gives up with an auth error', async () => {
    const seen: string[] = [];
    server.use(
      http.get(URL_, ({ request }) => (seen.push(request.headers.get('authorization') ?? ''), new HttpResponse(null, { status: 401 }))),
    );
    const refresh = vi.fn(async () => 'fresh');
    await expect(requestJson({ url: URL_ }, z.object({}), { policy, auth: { token: async () => 'stale', refresh } })).rejects.toMatchObject(
      { kind: 'auth' },
    );
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 26 Nov 2026 10:00:10 GMT' }), Date.parse('2026-11-26T10:00:00Z'))).toBe(10_000);
  });

  it('waits out one rate limit inline, then leaves further waiting to the connection’s gate', async () => {
    let calls = 0;
    server.use(http.get(URL_, () => (++calls, HttpResponse.json({}, { status: 429, headers: { 'retry-after': '2' } }))));
    await expect(requestJson({ url: URL_ }, z.object({}), { policy })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    expect(calls).toBe(2);
  });

  it('sends nothing when the gate refuses, and tells the gate how each sent call ended', async () => {
    let calls = 0;
    server.use(http.get(URL_, () => (++calls, new HttpResponse(null, { status: 401 }))));
    const outcomes: (string | null)[] = [];
    const refusedGate: CallGate = {
      admit: async () => {
        throw new ConnectorError('auth', 'Reconnect HubSpot.', { unsent: true });
      },
      check: async () => null,
    };
    await expect(requestJson({ url: URL_ }, z.object({}), { policy, gate: refusedGate })).rejects.toMatchObject({ unsent: true });
    expect(calls).toBe(0);
    const gate: CallGate = { admit: async () => async (outcome) => void outcomes.push(outcome?.kind ?? null), check: async () => null };
    await expect(requestJson({ url: URL_ }, z.object({}), { policy, gate })).rejects.toMatchObject({ kind: 'auth' });
    server.use(http.get(URL_, () => HttpResponse.json({ ok: true })));
    await requestJson({ url: URL_ }, z.object({ ok: z.boolean() }), { policy, gate });
    expect(outcomes).toEqual(['auth', null]);
  });

  it('passes a successful answer’s “limit reached” headers to the gate, and still returns the answer', async () => {
    server.use(http.get(URL_, () => HttpResponse.json({ ok: true }, { headers: { 'x-limit-left': '0' } })));
    const outcomes: (ConnectorError | null)[] = [];
    const gate: CallGate = { admit: async () => async (outcome) => void outcomes.push(outcome), check: async () => null };
    const limitHint = (headers: Headers) =>
      headers.get('x-limit-left') === '0' ? new ConnectorError('rate_limited', 'Limit reached.', { retryAfterMs: 5000 }) : null;
    expect(await requestJson({ url: URL_ }, z.object({ ok: z.boolean() }), { policy, gate, limitHint })).toEqual({ ok: true });
    expect(outcomes).toMatchObject([{ kind: 'rate_limited', retryAfterMs: 5000 }]);
  });
});
