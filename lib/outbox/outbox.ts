import { connectedAccount, heldBackMessage, lastAccount, sameAccount } from '../connectors/account-switch';
import { CRM_NAMES, type Connector } from '../connectors/connector';
import { asConnectorError } from '../connectors/errors';
import { recordFieldIssues } from '../connectors/field-issues';
import type { LeadlightDb } from '../db/database';
import type { CrmAccount, Feedback } from '../domain/feedback';
import { loadSecrets } from '../settings/secrets';

export type OutboxDeps = {
  db: LeadlightDb;
  /** The connector a queued item goes to, or undefined if it is no longer connected. */
  connectorFor: (target: string) => Promise<Connector | undefined>;
  now?: () => Date;
  online?: () => boolean;
  random?: () => number;
};

export type OutboxRun = { sent: number; retrying: number; failed: number; skipped?: 'offline' | 'busy' };

// Transient failures back off from 30 s to 6 h; after this many the item needs the user.
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;
export const MAX_ATTEMPTS = 12;
const SENDING_RECHECK_MS = 30_000;

/** Full-jitter exponential backoff for attempt n (1-based). */
export function outboxDelay(attempts: number, random: () => number): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempts - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

let running: Promise<OutboxRun> | null = null;

/**
 * Delivers due feedback, one item at a time. Each item is marked `sending` in
 * the database before its request, so a worker killed mid-send leaves a trace;
 * the next run re-delivers it, and connectors find the record an earlier attempt
 * may have written (idempotency by feedback id), so it is sent exactly once.
 * Concurrent calls share one run.
 */
export function processOutbox(deps: OutboxDeps): Promise<OutboxRun> {
  running ??= runOnce(deps).finally(() => {
    running = null;
  });
  return running;
}

async function runOnce({
  db,
  connectorFor,
  now = () => new Date(),
  online = () => navigator.onLine,
  random = Math.random,
}: OutboxDeps): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, retrying: 0, failed: 0 };
  if (!online()) return { ...run, skipped: 'offline' };
  const due = (await db.feedback.where('syncState').anyOf('pending', 'sending').toArray())
    .filter((f) => !f.nextAttemptAt || f.nextAttemptAt <= now().toISOString())
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const item of due) {
    const outcome = await deliver(db, item, connectorFor, now, random);
    run[outcome] += 1;
  }
  return run;
}

async function deliver(
  db: LeadlightDb,
  item: Feedback,
  connectorFor: OutboxDeps['connectorFor'],
  now: () => Date,
  random: () => number,
): Promise<'sent' | 'retrying' | 'failed'> {
  const connector = item.target ? await connectorFor(item.target) : undefined;
  // The account it was given under: its stamp, else the account connected last, which is the
  // one it was given under unless a switch since then (which stamps it) held it back.
  const given = item.target ? (item.account ?? (await lastAccount(db, item.target))) : undefined;
  if (!connector?.deliverFeedback) {
    const name = item.target && item.target in CRM_NAMES ? CRM_NAMES[item.target as keyof typeof CRM_NAMES] : 'The CRM';
    await db.feedback.update(item.id, {
      syncState: 'failed',
      syncError: `${name} is not connected to Leadlight. Reconnect ${given?.name ?? 'it'} in Leadlight settings, then retry.`,
      ...(given ? { account: given } : {}),
    });
    return 'failed';
  }
  // What the stored credentials open now, which may already be another account's while its switch
  // is still being recorded.
  const reached = item.target ? connectedAccount(await loadSecrets(db), item.target) : undefined;
  // Claim the item atomically: an undo or discard landing at the same moment either
  // wins (and nothing is sent) or sees `sending` and is refused.
  // If this worker dies mid-request, the next run waits before checking whether the CRM
  // got it: CRM search indexes lag a few seconds behind a write.
  const recheckAt = new Date(now().getTime() + SENDING_RECHECK_MS).toISOString();
  const fresh = await db.transaction('rw', db.feedback, async () => {
    const current = await db.feedback.get(item.id);
    if (!current || (current.syncState !== 'pending' && current.syncState !== 'sending')) return undefined;
    const account: CrmAccount | undefined = current.account ?? given ?? reached;
    if (account && reached && !sameAccount(account, reached)) {
      const syncError = heldBackMessage(account, reached);
      await db.feedback.put({ ...current, syncState: 'failed', syncError, account, switchedTo: reached, nextAttemptAt: undefined });
      return 'stopped' as const;
    }
    // Attempts cut off before any answer (the worker or the browser stopped mid-send) count towards the cap too.
    if (current.attempts >= MAX_ATTEMPTS) {
      const syncError = `${connector.label} did not answer ${MAX_ATTEMPTS} attempts to send this verdict. Retry to try again.`;
      await db.feedback.put({ ...current, syncState: 'failed', syncError, nextAttemptAt: undefined });
      return 'stopped' as const;
    }
    const claimed = {
      ...current,
      ...(account ? { account } : {}),
      syncState: 'sending' as const,
      attempts: current.attempts + 1,
      tries: (current.tries ?? current.attempts) + 1,
      nextAttemptAt: recheckAt,
    };
    await db.feedback.put(claimed);
    return claimed;
  });
  if (!fresh) return 'retrying';
  if (fresh === 'stopped') return 'failed';
  const attempts = fresh.attempts;
  try {
    const contact = await db.contacts.get(fresh.email);
    const { remoteId, problem, issues } = await connector.deliverFeedback(fresh, contact);
    // The record is written, so the verdict is sent even when fields beside it were refused: that is said, not retried.
    await db.feedback.update(item.id, {
      syncState: 'sent',
      remoteId,
      sentAt: now().toISOString(),
      syncError: undefined,
      fieldProblem: problem,
      nextAttemptAt: undefined,
    });
    if (issues) await recordFieldIssues(db, issues, now());
    return 'sent';
  } catch (e) {
    const error = asConnectorError(e);
    // The cap is for a CRM that answers with failures. A send the paused connection never let
    // out was no attempt at all; one that got no answer (offline though the browser says online:
    // a captive portal, a VPN down, DNS) waits for the network, however long that takes.
    // Only a real network failure, as the HTTP layer reports it: any other exception is read as
    // 'network' too (asConnectorError), and must still count, or a bug would retry for ever unseen.
    const uncounted = error.unsent || (e instanceof Error && e.name === 'ConnectorError' && error.kind === 'network');
    if (!error.retryable || (!uncounted && attempts >= MAX_ATTEMPTS)) {
      await settleUnsent(db, item.id, { syncState: 'failed', syncError: error.message });
      return 'failed';
    }
    // `tries` is left as it is, even for a refused send: a refusal may come after part of the delivery
    // was written (a Salesforce Task before its fields), and the next try must look for it.
    const tries = fresh.tries ?? attempts;
    // Uncounted, it backs off by every try that went out, so a dead network is asked less and less
    // often; never sooner than a CRM's search can show what a lost attempt may have written.
    const wait = Math.max(error.retryAfterMs ?? 0, outboxDelay(Math.max(1, uncounted ? tries : attempts), random), SENDING_RECHECK_MS);
    await settleUnsent(db, item.id, {
      syncState: 'pending',
      syncError: error.message,
      nextAttemptAt: new Date(now().getTime() + wait).toISOString(),
      ...(uncounted ? { attempts: attempts - 1 } : {}),
    });
    return 'retrying';
  }
}

/**
 * Records a send that did not go through, unless an account switch stopped the item meanwhile:
 * what the switch said (naming both accounts) is what the rep must see.
 */
async function settleUnsent(db: LeadlightDb, id: string, patch: Partial<Feedback>): Promise<void> {
  await db.feedback
    .where('id')
    .equals(id)
    .and((f) => f.syncState === 'sending')
    .modify(patch);
}

/**
 * The user asks to try a failed item again now. Still only to the account it was given under,
 * unless it was held back for another: that Retry is the rep's choice to send it to the account
 * the message named.
 */
export async function retryFeedbackDelivery(db: LeadlightDb, id: string, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const item = await db.feedback.get(id);
    if (!item || item.syncState !== 'failed' || !item.target) return false;
    const { switchedTo, syncError: _said, ...rest } = item;
    const account = switchedTo ?? item.account;
    await db.feedback.put({
      ...rest,
      ...(account ? { account } : {}),
      syncState: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
    });
    return true;
  });
}

/** The user decides a failed item should not be sent; it stays in this browser. */
export async function discardFeedbackDelivery(db: LeadlightDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.feedback, async () => {
    const item = await db.feedback.get(id);
    if (!item || item.syncState === 'sent' || item.syncState === 'sending') return false;
    await db.feedback.update(id, { syncState: 'local', syncError: 'Not sent: discarded by you', nextAttemptAt: undefined });
    return true;
  });
}
