import type { Feedback, FeedbackInput } from '../domain/feedback';
import { authorKey } from '../domain/team-verdict';
import type { LeadlightDb } from './database';

/** A verdict as stored, and whether it was already the rep's current one (then nothing new was written). */
export type RecordedFeedback = Feedback & { unchanged?: boolean };

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
  supersedes?: string,
): Promise<Feedback> {
  const feedback: Feedback = {
    id,
    email: input.email,
    verdict: input.verdict,
    reasonId: input.reasonId,
    note: input.note?.trim() || undefined,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.recycleOn ? { recycleOn: input.recycleOn } : {}),
    ...(supersedes ? { supersedes } : {}),
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

/** Two verdicts say the same: same kind, verdict, reason, date and note. */
function sameVerdict(a: Feedback, b: FeedbackInput): boolean {
  return (
    (a.kind ?? 'quality') === (b.kind ?? 'quality') &&
    a.verdict === b.verdict &&
    (a.reasonId ?? '') === (b.reasonId ?? '') &&
    (a.recycleOn ?? '') === (b.recycleOn ?? '') &&
    (a.note ?? '') === (b.note?.trim() ?? '')
  );
}

/** This rep's latest verdict on a contact, whatever its delivery state. */
export async function currentVerdict(db: LeadlightDb, email: string, author: string): Promise<Feedback | undefined> {
  const rep = authorKey(author);
  const mine = (await db.feedback.where('email').equals(email).toArray()).filter((f) => authorKey(f.author) === rep);
  return mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
}

/**
 * One current verdict per rep and contact. The same verdict confirmed again is
 * not written again (nothing is stored or sent; the current one comes back,
 * marked unchanged). A different one is stored as superseding the rep's
 * previous verdict, so the CRM updates that record rather than adding another.
 */
export async function recordVerdict(
  db: LeadlightDb,
  input: FeedbackInput,
  author: string,
  now: Date = new Date(),
  target?: string,
): Promise<RecordedFeedback> {
  return db.transaction('rw', db.feedback, async () => {
    const current = await currentVerdict(db, input.email, author);
    if (current && sameVerdict(current, input)) return { ...current, unchanged: true };
    return saveFeedback(db, input, author, now, crypto.randomUUID(), target, current?.id);
  });
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
