import type { LeadlightDb } from '@/lib/db/database';
import type { Touch } from '@/lib/domain/campaign';
import type { Contact } from '@/lib/domain/contact';

/** Every stored touch, read straight from the contact rows (since schema v4 touches live there). */
export async function storedTouches(db: LeadlightDb): Promise<Touch[]> {
  return (await db.contacts.toArray()).flatMap((row) => (row.touches ?? []).map((t) => ({ ...t, email: row.email })));
}

/** A contact row as the background stores it, written directly for test setup. */
export async function putRow(
  db: LeadlightDb,
  contact: Contact,
  extras: { tokens?: string[]; viewedAt?: string; fetchedAt?: string; touches?: Touch[] } = {},
): Promise<void> {
  const { touches = [], tokens = [contact.email], ...rest } = extras;
  await db.contacts.put({ ...contact, tokens, ...rest, touches: touches.map(({ email: _e, ...t }) => t) });
}
