import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
});
