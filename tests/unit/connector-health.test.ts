import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { connectorGate, connectorHealth, resetConnectorHealth } from '@/lib/connectors/health';
import { LeadlightDb } from '@/lib/db/database';

let db: LeadlightDb;
let t: number;
const now = () => t;
// random 1 puts every jittered wait at its cap: 30 s, 60 s, 120 s… up to 15 min.
const gate = () => connectorGate(db, 'hubspot', { now, random: () => 1 });

/** One call through the gate that ends with `outcome`; the refusal when the gate would not let it out. */
async function call(outcome: ConnectorError | null): Promise<ConnectorError | 'sent'> {
  try {
    const settle = await gate().admit();
    await settle(outcome);
    return 'sent';
  } catch (e) {
    return e as ConnectorError;
  }
}
/** How long from now the connection waits; undefined when it does not. */
async function waitLeft(): Promise<number | undefined> {
  const health = await connectorHealth(db, 'hubspot');
  return 'until' in health ? Date.parse(health.until) - t : undefined;
}
const auth = () => new ConnectorError('auth', 'HubSpot did not accept the access token.');
const server = () => new ConnectorError('server', 'HubSpot had a problem (HTTP 500).');

beforeEach(() => {
  db = new LeadlightDb(`health-${crypto.randomUUID()}`);
  t = Date.parse('2026-11-20T10:00:00.000Z');
});
afterEach(() => db.delete());

describe('connector health', () => {
  it('stops every call after a 401 until the user reconnects', async () => {
    expect(await call(auth())).toBe('sent');
    expect(await connectorHealth(db, 'hubspot')).toMatchObject({ state: 'needs_user', kind: 'auth' });
    t += 24 * 3_600_000;
    const refused = await call(null);
    expect(refused).toBeInstanceOf(ConnectorError);
    expect(refused).toMatchObject({ kind: 'auth', unsent: true, message: 'HubSpot did not accept the access token.' });
    await resetConnectorHealth(db, 'hubspot');
    expect(await call(null)).toBe('sent');
  });

  it('treats a 403 for missing scopes as needing the user too', async () => {
    await call(new ConnectorError('scopes', 'The HubSpot private app needs the content scope.'));
    expect(await call(null)).toMatchObject({ kind: 'scopes', unsent: true });
  });

  it('holds back until a rate limit’s Retry-After, then lets one probe out at a time', async () => {
    await call(new ConnectorError('rate_limited', 'HubSpot asked Leadlight to slow down.', { retryAfterMs: 90_000 }));
    expect(await connectorHealth(db, 'hubspot')).toEqual({
      state: 'rate_limited',
      until: new Date(t + 90_000).toISOString(),
      message: 'HubSpot asked Leadlight to slow down.',
    });
    t += 89_999;
    expect(await call(null)).toMatchObject({ kind: 'rate_limited', unsent: true, retryAfterMs: 1 });
    t += 1;
    const probe = await gate().admit();
    await expect(gate().admit()).rejects.toMatchObject({ unsent: true });
    expect(await gate().check()).toMatchObject({ unsent: true });
    await probe(null);
    expect(await connectorHealth(db, 'hubspot')).toEqual({ state: 'healthy' });
    expect(await gate().check()).toBeNull();
  });

  it('waits longer after each consecutive failure, at least as long as the vendor asks', async () => {
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await call(server())).toBe('sent');
      const left = await waitLeft();
      waits.push(left);
      t += left ?? 0;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    await call(new ConnectorError('rate_limited', 'slow down', { retryAfterMs: 3_600_000 }));
    expect(await waitLeft()).toBe(3_600_000);
  });

  it('is healthy again after any answer, and forgets the strikes', async () => {
    await call(server());
    t += 30_000;
    await call(null);
    await call(server());
    expect(await waitLeft()).toBe(30_000);
  });

  it('keeps its state across a restart of the background', async () => {
    await call(auth());
    const restarted = new LeadlightDb(db.name);
    expect(await connectorHealth(restarted, 'hubspot')).toMatchObject({ state: 'needs_user' });
    restarted.close();
  });

  it('ignores the answer of a call made with the old credentials after a reconnection', async () => {
    const oldCall = await gate().admit();
    await resetConnectorHealth(db, 'hubspot');
    await oldCall(auth());
    expect(await connectorHealth(db, 'hubspot')).toEqual({ state: 'healthy' });
  });

  it('lets no answer to a call let out before a rate limit clear it', async () => {
    const earlier = await gate().admit();
    await call(new ConnectorError('rate_limited', 'HubSpot’s daily limit is reached.', { retryAfterMs: 10 * 3_600_000 }));
    await earlier(null);
    expect(await connectorHealth(db, 'hubspot')).toMatchObject({ state: 'rate_limited' });
    expect(await waitLeft()).toBe(10 * 3_600_000);
  });

  it('counts strikes while calls let out before a failure keep answering', async () => {
    const earlier = await gate().admit();
    await call(server());
    await earlier(null);
    t += 30_000;
    await call(server());
    // The second strike in a row waits twice as long as the first.
    expect(await waitLeft()).toBe(60_000);
  });

  it('lets no passing call clear a state that needs the user', async () => {
    const slow = await gate().admit();
    await call(auth());
    await slow(null);
    expect(await connectorHealth(db, 'hubspot')).toMatchObject({ state: 'needs_user' });
  });
});
