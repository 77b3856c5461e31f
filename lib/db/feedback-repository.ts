import type { Feedback, FeedbackInput } from '../domain/feedback';
import type { LeadlightDb } from './database';

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
): Promise<Feedback> {
  const feedback: Feedback = {
    id,
    email: input.email,
    verdict: input.verdict,
    reasonId: input.reasonId,
    note: input.note?.trim() || undefined,
    author,
    createdAt: now.toISOString(),
    // No CRM is connected yet, so it stays local; the outbox will pick up `pending` items.
    syncState: 'local',
  };
  await db.feedback.put(feedback);
  return feedback;
}

/** Undo within the grace period: removes the item so nothing is ever sent for it. */
export async function retractFeedback(db: LeadlightDb, id: string): Promise<boolean> {
  const existing = await db.feedback.get(id);
  if (!existing || existing.syncState === 'sent') return false;
  await db.feedback.delete(id);
  return true;
}

/** Newest first, for the options page. */
export async function listFeedback(db: LeadlightDb, limit = 500): Promise<Feedback[]> {
  return db.feedback.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** Feedback not yet delivered to a system of record. */
export async function countUnsentFeedback(db: LeadlightDb): Promise<number> {
  return db.feedback.where('syncState').anyOf('local', 'pending', 'failed').count();
}
