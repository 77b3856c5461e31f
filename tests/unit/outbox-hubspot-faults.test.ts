import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { fakeHubspot } from '../support/fake-hubspot';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const policy = { ...DEFAULT_POLICY, maxRetries: 0, sleep: async () => {}, random: () => 0.5 };
let db: LeadlightDb;
let clock: Date;
let token: string;
let crm: ReturnType<typeof fakeHubspot>;

beforeEach(() => {
  db = new LeadlightDb(`faults-${crypto.randomUUID()}`);
  clock = new Date('2026-11-20T10:00:00.000Z');
  token = 'pat-na1-valid-token';
  crm = fakeHubspot();
  server.use(...crm.handlers);
});
afterEach(() => db.delete());

/** A fresh module graph is what a restarted service worker runs. */
async function worker() {
  vi.resetModules();
  const { processOutbox } = await import('@/lib/outbox/outbox');
  const connector = createHubspotConnector({ token: async () => token, policy, now: () => clock });
  return (online = true) =>
    processOutbox({ db, connectorFor: async () => connector, now: () => clock, online: () => online, random: () => 0.5 });
}

async function giveVerdicts(n: number) {
  for (let i = 0; i < n; i++) {
    await saveFeedback(
      db,
      { email: 'maya.okafor@northwind-logistics.example', verdict: i % 2 ? 'good' : 'bad', reasonId: i % 2 ? undefined : 'no_budget' },
      'alex',
      clock,
      `fb-${i}`,
      'hubspot',
    );
  }
  clock = new Date(clock.getTime() + 10_000);
}

/** Runs the outbox as alarms would, an hour of one-minute ticks, until nothing is pending. */
async function drain(run: () => Promise<unknown>) {
  for (let tick = 0; tick < 60 * 6 && (await db.feedback.where('syncState').anyOf('pending', 'sending').count()) > 0; tick++) {
    await run();
    clock = new Date(clock.getTime() + 60_000);
  }
}

async function expectExactlyOnce(n: number) {
  const all = await db.feedback.toArray();
  expect(all.filter((f) => f.syncState === 'sent')).toHaveLength(n);
  expect(crm.notes).toHaveLength(n);
  for (const f of all)
    expect(
      crm.notes.filter((note) => note.body.includes(f.id.replace(/-/g, ''))),
      f.id,
    ).toHaveLength(1);
}

describe('HubSpot write-back under faults: nothing lost, nothing duplicated', () => {
  it('5xx and 429 answers are retried with backoff', async () => {
    await giveVerdicts(3);
    crm.faults.push('server', 'rate', 'server', 'server');
    await drain(await worker());
    await expectExactlyOnce(3);
  });

  it('an offline browser keeps verdicts queued, then sends them once', async () => {
    await giveVerdicts(2);
    const run = await worker();
    await run(false);
    crm.faults.push('offline', 'offline');
    await drain(run);
    await expectExactlyOnce(2);
  });

  it('answers lost after HubSpot wrote the note are found again, not written twice', async () => {
    await giveVerdicts(2);
    crm.faults.push('drop-after-write');
    await drain(await worker());
    await expectExactlyOnce(2);
  });

  it('the service worker stopped mid-send: the restarted one delivers exactly once', async () => {
    await giveVerdicts(1);
    crm.faults.push('hang-after-write');
    const stopped = await worker();
    void stopped(); // never settles: this worker is gone
    await vi.waitFor(() => expect(crm.notes).toHaveLength(1));
    expect((await db.feedback.get('fb-0'))?.syncState).toBe('sending');
    await drain(await worker());
    await expectExactlyOnce(1);
  });

  it('a retry the user asks for after a lost write still finds the note, not writing a second', async () => {
    await giveVerdicts(1);
    crm.faults.push('drop-after-write');
    const run = await worker();
    await run();
    expect(crm.notes).toHaveLength(1);
    // The next attempt is refused (the token was revoked), so the item needs the user.
    token = 'pat-na1-old-token';
    clock = new Date(clock.getTime() + 10 * 60_000);
    await run();
    expect(await db.feedback.get('fb-0')).toMatchObject({ syncState: 'failed' });
    token = 'pat-na1-valid-token';
    const { retryFeedbackDelivery } = await import('@/lib/outbox/outbox');
    await retryFeedbackDelivery(db, 'fb-0', clock);
    await drain(await worker());
    await expectExactlyOnce(1);
  });

  it('an expired token is re-read once (a token the user just replaced is used)', async () => {
    await giveVerdicts(1);
    token = 'pat-na1-old-token';
    const run = await worker();
    await run();
    expect(await db.feedback.get('fb-0')).toMatchObject({ syncState: 'failed', syncError: expect.stringMatching(/token/) });
    token = 'pat-na1-valid-token';
    const { retryFeedbackDelivery } = await import('@/lib/outbox/outbox');
    await retryFeedbackDelivery(db, 'fb-0', clock);
    await drain(await worker());
    await expectExactlyOnce(1);
  });
});
