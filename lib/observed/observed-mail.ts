import type { LeadlightDb } from '../db/database';
import type { MailHost, ObservedTouch } from '../domain/observed-touch';

/** One of the rep's own messages as a content script saw it. */
export type SeenMail = { key: string; to: string[]; at: string; kind: ObservedTouch['kind'] };

// A mail client's clock and the browser's may differ a little; a message dated far ahead is not believed.
const FUTURE_SLACK_MS = 10 * 60_000;
/** Observed touches kept; the oldest seen go first. Enough for a rep's hand-offs of a year. */
export const MAX_OBSERVED = 20_000;

/**
 * Keeps the rep's own messages to known contacts as observed first touches. Only
 * contacts in the cache are kept (a lead Leadlight knows), one row per message and
 * contact (seeing a thread again changes nothing), and never a message dated in
 * the future. Any earlier date is kept: a reply sent from a phone or a desktop client is
 * seen only when the rep next opens the thread on the web, which may be weeks later, and a
 * message before the hand-off meets no SLA anyway. Returns the contacts that gained a touch,
 * so their sidebars can update.
 */
export async function recordObservedMail(
  db: LeadlightDb,
  host: MailHost,
  messages: readonly SeenMail[],
  now: Date = new Date(),
): Promise<string[]> {
  const candidates = new Map<string, ObservedTouch>();
  for (const m of messages) {
    const at = Date.parse(m.at);
    if (!(at <= now.getTime() + FUTURE_SLACK_MS)) continue;
    for (const email of m.to) {
      const id = `${host}:${m.key}:${email}`;
      candidates.set(id, { id, email, at: m.at, host, kind: m.kind, seenAt: now.toISOString() });
    }
  }
  if (candidates.size === 0) return [];
  const rows = [...candidates.values()];
  const added = await db.transaction('rw', [db.observedTouches, db.contacts], async () => {
    const [known, existing] = await Promise.all([
      db.contacts.bulkGet([...new Set(rows.map((r) => r.email))]),
      db.observedTouches.bulkGet(rows.map((r) => r.id)),
    ]);
    const knownEmails = new Set(known.filter((c) => !!c).map((c) => c.email));
    const fresh = rows.filter((r, i) => !existing[i] && knownEmails.has(r.email));
    await db.observedTouches.bulkAdd(fresh);
    return fresh;
  });
  await trimObserved(db);
  return [...new Set(added.map((r) => r.email))];
}

/** Drops the oldest-seen observed touches beyond the cap. */
async function trimObserved(db: LeadlightDb, max = MAX_OBSERVED): Promise<void> {
  const excess = (await db.observedTouches.count()) - max;
  if (excess > 0) await db.observedTouches.bulkDelete(await db.observedTouches.orderBy('seenAt').limit(excess).primaryKeys());
}
