import type { Feedback, FeedbackInput } from '../domain/feedback';
import type { LeadlightDb } from './database';

/** A little longer than the sidebar's undo offer. */
export const UNDO_GRACE_MS = 8000;

/**
 * Persists a verdict before anything else happens with it: the UI only confirms
 * once this resolves, so a closed tab or killed worker cannot lose it.
 */
export async function saveFeedback(
  db: LeadlightDb,
  input: FeedbackInput,
  author: string,
  now: Date = new Date(),
  id: string = crypto.randomUUID(),
  target?: string,
): Promise<Feedback> {
  const feedback: Feedback = {
    id,
    email: input.email,
    verdict: input.verdict,
    reasonId: input.reasonId,
    note: input.note?.trim() || undefined,
    author,
    createdAt: now.toISOString(),
    // With a CRM connected it is queued for write-back; otherwise it stays in this browser.
    syncState: target ? 'pending' : 'local',
    attempts: 0,
    target,
    // Not before the undo window has passed, so an undone verdict is never sent.
    nextAttemptAt: target ? new Date(now.getTime() + UNDO_GRACE_MS).toISOString() : undefined,
  };
  await db.feedback.put(feedback);
  return feedback;
}

/** Undo within the grace period: removes the item so nothing is ever sent for it. */
export async function retractFeedback(db: LeadlightDb, id: string): Promise<boolean> {
  // One transaction, so the outbox cannot claim it between the check and the delete.
  return db.transaction('rw', db.feedback, async () => {
    const existing = await db.feedback.get(id);
    if (!existing || existing.syncState === 'sent' || existing.syncState === 'sending') return false;
    await db.feedback.delete(id);
    return true;
  });
}

/** Newest first, for the options page. */
export async function listFeedback(db: LeadlightDb, limit = 500): Promise<Feedback[]> {
  return db.feedback.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** Feedback not yet delivered to a system of record, whether queued or kept local. */
export async function countUnsentFeedback(db: LeadlightDb): Promise<number> {
  return db.feedback.where('syncState').anyOf('local', 'pending', 'sending', 'failed').count();
}

/** Feedback waiting for the CRM (queued, sending, failed) and feedback kept only in this browser. */
export async function countFeedbackByDelivery(db: LeadlightDb): Promise<{ queued: number; local: number }> {
  const [queued, local] = await Promise.all([
    db.feedback.where('syncState').anyOf('pending', 'sending', 'failed').count(),
    db.feedback.where('syncState').equals('local').count(),
  ]);
  return { queued, local };
}
