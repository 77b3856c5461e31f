import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '@/lib/connectors/connector';
import { ConnectorError } from '@/lib/connectors/errors';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import type { Feedback } from '@/lib/domain/feedback';

/** A CRM that keeps notes by feedback id, as the real connectors' idempotency search does. */
function fakeCrm() {
  const notes = new Map<string, string>();
  let created = 0;
  const script: Array<'ok' | 'server' | 'rate' | 'auth' | 'hang-after-write'> = [];
  const connector: Connector = {
    id: 'hubspot',
    label: 'HubSpot',
    async deliverFeedback(f: Feedback) {
      const step = script.shift() ?? 'ok';
      const existing = notes.get(f.id);
      if (existing) return { remoteId: existing };
      if (step === 'server') throw new ConnectorError('server', 'HubSpot had a problem (HTTP 502).', { status: 502 });
      if (step === 'rate') throw new ConnectorError('rate_limited', 'Too many requests', { retryAfterMs: 10_000 });
      if (step === 'auth') throw new ConnectorError('auth', 'Check the private-app token');
      created += 1;
      notes.set(f.id, `note-${created}`);
      // The worker is killed after the CRM wrote the note but before we heard back.
      if (step === 'hang-after-write') return new Promise<never>(() => {});
      return { remoteId: `note-${created}` };
    },
  };
  return { connector, notes, script, created: () => created };
}

let db: LeadlightDb;
let clock: Date;
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

async function freshOutbox() {
  // A new module instance is what a restarted service worker gets.
  vi.resetModules();
  return import('@/lib/outbox/outbox');
}

async function queue(id: string) {
  return saveFeedback(db, { email: 'maya@northwind.example', verdict: 'bad', reasonId: 'no_budget' }, 'alex', clock, id, 'hubspot');
}

beforeEach(() => {
  db = new LeadlightDb(`outbox-${crypto.randomUUID()}`);
  clock = new Date('2026-11-20T10:00:00.000Z');
});
afterEach(() => db.delete());

describe('feedback outbox', () => {
  it('waits out the undo window, then sends once and records the CRM id', async () => {
    const crm = fakeCrm();
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({ sent: 0 });
    advance(10_000);
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({ sent: 1 });
    expect(await db.feedback.get('f1')).toMatchObject({ syncState: 'sent', remoteId: 'note-1', attempts: 1 });
    advance(60_000);
    await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true });
    expect(crm.created()).toBe(1);
  });

  it('delivers exactly once when the worker dies after the CRM wrote the note', async () => {
    const crm = fakeCrm();
    crm.script.push('hang-after-write');
    const first = await freshOutbox();
    await queue('f1');
    advance(10_000);
    void first.processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true });
    await vi.waitFor(async () => expect((await db.feedback.get('f1'))?.syncState).toBe('sending'));
    const restarted = await freshOutbox();
    // Too soon after the lost attempt: the CRM's search may not show its note yet.
    expect(await restarted.processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({
      sent: 0,
    });
    advance(30_000);
    expect(await restarted.processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({
      sent: 1,
    });
    expect(crm.created()).toBe(1);
    expect(await db.feedback.get('f1')).toMatchObject({ syncState: 'sent', remoteId: 'note-1' });
  });

  it('keeps everything queued while offline and sends it when back online', async () => {
    const crm = fakeCrm();
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    await queue('f2');
    advance(10_000);
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => false })).toMatchObject({
      skipped: 'offline',
    });
    expect(await db.feedback.where('syncState').equals('pending').count()).toBe(2);
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({ sent: 2 });
    expect(crm.created()).toBe(2);
  });

  it('backs off on server errors and rate limits, then succeeds without duplicates', async () => {
    const crm = fakeCrm();
    crm.script.push('server', 'rate');
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    advance(10_000);
    const deps = { db, connectorFor: async () => crm.connector, now, online: () => true, random: () => 0.5 };
    expect(await processOutbox(deps)).toMatchObject({ retrying: 1 });
    const afterServer = await db.feedback.get('f1');
    expect(afterServer).toMatchObject({ syncState: 'pending', syncError: 'HubSpot had a problem (HTTP 502).' });
    // Not due yet: nothing is attempted.
    expect(await processOutbox(deps)).toMatchObject({ sent: 0, retrying: 0 });
    advance(30_000);
    expect(await processOutbox(deps)).toMatchObject({ retrying: 1 });
    expect(new Date((await db.feedback.get('f1'))!.nextAttemptAt!).getTime() - clock.getTime()).toBeGreaterThanOrEqual(10_000);
    advance(60_000);
    expect(await processOutbox(deps)).toMatchObject({ sent: 1 });
    expect(crm.created()).toBe(1);
    expect((await db.feedback.get('f1'))?.attempts).toBe(3);
  });

  it('gives up after twelve delivery attempts and leaves the verdict for the user to retry', async () => {
    const crm = fakeCrm();
    let calls = 0;
    const failing: Connector = {
      ...crm.connector,
      async deliverFeedback() {
        calls += 1;
        throw new ConnectorError('server', 'HubSpot had a problem (HTTP 503).', { status: 503 });
      },
    };
    const { processOutbox, retryFeedbackDelivery } = await freshOutbox();
    await queue('f1');
    const deps = { db, connectorFor: async () => failing, now, online: () => true, random: () => 0.5 };
    // Each wait is longer than the longest backoff (6 h), so every run finds the item due.
    for (let run = 1; run <= 11; run++) {
      advance(7 * 60 * 60_000);
      expect(await processOutbox(deps), `run ${run}`).toMatchObject({ retrying: 1 });
    }
    advance(7 * 60 * 60_000);
    expect(await processOutbox(deps)).toMatchObject({ failed: 1 });
    expect(await db.feedback.get('f1')).toMatchObject({
      syncState: 'failed',
      attempts: 12,
      syncError: 'HubSpot had a problem (HTTP 503).',
    });
    for (let run = 0; run < 5; run++) {
      advance(7 * 60 * 60_000);
      await processOutbox(deps);
    }
    expect(calls).toBe(12);
    // Kept, not lost: the user can send it again.
    expect(await retryFeedbackDelivery(db, 'f1', clock)).toBe(true);
    expect(await processOutbox({ ...deps, connectorFor: async () => crm.connector })).toMatchObject({ sent: 1 });
  });

  it('keeps a verdict waiting through a day without network while the browser says it is online, asking less and less often', async () => {
    let calls = 0;
    const unreachable: Connector = {
      id: 'hubspot',
      label: 'HubSpot',
      deliverFeedback: async () => {
        calls += 1;
        throw new ConnectorError('network', 'Could not reach the service.');
      },
    };
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    const calledAt: number[] = [];
    // The outbox's alarm, every minute, for 24 hours.
    for (let minute = 0; minute < 24 * 60; minute++) {
      advance(60_000);
      const before = calls;
      await processOutbox({ db, connectorFor: async () => unreachable, now, online: () => true, random: () => 0.5 });
      if (calls > before) calledAt.push(minute);
    }
    const item = await db.feedback.get('f1');
    expect(item).toMatchObject({ syncState: 'pending', attempts: 0 });
    // Backing off to six hours: a handful of calls in a day, the later ones hours apart.
    expect(calls).toBeLessThanOrEqual(14);
    expect(calledAt.at(-1)! - calledAt.at(-2)!).toBeGreaterThanOrEqual(180);
  });

  it('counts nothing for a send the paused connection never let out', async () => {
    const paused: Connector = {
      id: 'hubspot',
      label: 'HubSpot',
      deliverFeedback: async () => {
        throw new ConnectorError('rate_limited', 'HubSpot asked Leadlight to wait until 11:00.', {
          unsent: true,
          retryAfterMs: 60 * 60_000,
        });
      },
    };
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    advance(10_000);
    await processOutbox({ db, connectorFor: async () => paused, now, online: () => true, random: () => 0.5 });
    expect(await db.feedback.get('f1')).toMatchObject({
      syncState: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(clock.getTime() + 60 * 60_000).toISOString(),
    });
  });

  it('counts an exception that is no network failure, so a fault in delivery ends with the user instead of retrying unseen', async () => {
    const broken: Connector = {
      id: 'hubspot',
      label: 'HubSpot',
      deliverFeedback: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'id')");
      },
    };
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    for (let run = 0; run < 40; run++) {
      advance(7 * 3_600_000);
      await processOutbox({ db, connectorFor: async () => broken, now, online: () => true, random: () => 0.5 });
    }
    expect(await db.feedback.get('f1')).toMatchObject({ syncState: 'failed' });
  });

  it('counts attempts cut off mid-send towards the cap: a verdict whose every send is stopped ends with the user', async () => {
    const crm = fakeCrm();
    let calls = 0;
    const stalled: Connector = {
      ...crm.connector,
      // The worker is stopped during every request: no answer, no error.
      deliverFeedback: () => {
        calls += 1;
        return new Promise<never>(() => {});
      },
    };
    await queue('f1');
    for (let run = 1; run <= 20; run++) {
      advance(60_000);
      const before = calls;
      const { processOutbox } = await freshOutbox();
      void processOutbox({ db, connectorFor: async () => stalled, now, online: () => true });
      // This run either sent once more (and was stopped) or gave up.
      await vi.waitFor(async () => expect(calls > before || (await db.feedback.get('f1'))?.syncState === 'failed').toBe(true));
    }
    expect(calls).toBe(12);
    expect(await db.feedback.get('f1')).toMatchObject({
      syncState: 'failed',
      attempts: 12,
      syncError: expect.stringMatching(/12 attempts/),
    });
  });

  it('stops on errors only the user can fix, and lets the user retry or discard', async () => {
    const crm = fakeCrm();
    crm.script.push('auth');
    const { processOutbox, retryFeedbackDelivery, discardFeedbackDelivery } = await freshOutbox();
    await queue('f1');
    await queue('f2');
    advance(10_000);
    crm.script.push('auth');
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({ failed: 2 });
    expect(await db.feedback.get('f1')).toMatchObject({ syncState: 'failed', syncError: 'Check the private-app token' });
    expect(await retryFeedbackDelivery(db, 'f1', clock)).toBe(true);
    expect(await discardFeedbackDelivery(db, 'f2')).toBe(true);
    expect(await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true })).toMatchObject({ sent: 1 });
    expect(await db.feedback.get('f2')).toMatchObject({ syncState: 'local' });
    expect(crm.created()).toBe(1);
  });

  it('marks items for a disconnected CRM as failed instead of dropping them', async () => {
    const { processOutbox } = await freshOutbox();
    await queue('f1');
    advance(10_000);
    expect(await processOutbox({ db, connectorFor: async () => undefined, now, online: () => true })).toMatchObject({ failed: 1 });
    expect((await db.feedback.get('f1'))?.syncError).toMatch(/not connected/);
  });

  it('refuses an undo while the verdict is being sent, so a verdict the CRM got is never dropped here', async () => {
    const crm = fakeCrm();
    let answer: (v: { remoteId: string }) => void = () => {};
    const slow: Connector = {
      ...crm.connector,
      deliverFeedback: () => new Promise((resolve) => (answer = resolve)),
    };
    const { processOutbox } = await freshOutbox();
    const { retractFeedback } = await import('@/lib/db/feedback-repository');
    await queue('f1');
    advance(10_000);
    const run = processOutbox({ db, connectorFor: async () => slow, now, online: () => true });
    await vi.waitFor(async () => expect((await db.feedback.get('f1'))?.syncState).toBe('sending'));
    expect(await retractFeedback(db, 'f1')).toBe(false);
    answer({ remoteId: 'note-7' });
    expect(await run).toMatchObject({ sent: 1 });
    expect(await db.feedback.get('f1')).toMatchObject({ syncState: 'sent', remoteId: 'note-7' });
  });

  it('sends nothing when the undo lands between picking the verdict and claiming it', async () => {
    const crm = fakeCrm();
    const { processOutbox } = await freshOutbox();
    const { retractFeedback } = await import('@/lib/db/feedback-repository');
    await queue('f1');
    advance(10_000);
    // The outbox has read f1 as due; the rep's undo commits before the outbox claims it.
    const connectorFor = async () => {
      expect(await retractFeedback(db, 'f1')).toBe(true);
      return crm.connector;
    };
    expect(await processOutbox({ db, connectorFor, now, online: () => true })).toMatchObject({ sent: 0 });
    expect(crm.created()).toBe(0);
    expect(await db.feedback.get('f1')).toBeUndefined();
  });

  it('never sends an item undone within the grace period', async () => {
    const crm = fakeCrm();
    const { processOutbox } = await freshOutbox();
    const { retractFeedback } = await import('@/lib/db/feedback-repository');
    await queue('f1');
    advance(3_000);
    await retractFeedback(db, 'f1');
    advance(60_000);
    await processOutbox({ db, connectorFor: async () => crm.connector, now, online: () => true });
    expect(crm.created()).toBe(0);
  });
});
