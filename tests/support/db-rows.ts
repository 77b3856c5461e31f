import { touchesOf } from '@/lib/db/contact-rows';
import type { ContactRow, LeadlightDb } from '@/lib/db/database';
import { packTouches } from '@/lib/domain/packed-touches';
import type { Touch } from '@/lib/domain/campaign';
import type { Contact } from '@/lib/domain/contact';

/** Every stored touch, read from the contact rows (since schema v4 touches live there). */
export async function storedTouches(db: LeadlightDb): Promise<Touch[]> {
  return (await db.contacts.toArray()).flatMap((row) => touchesOf(row));
}

/** The ids of a stored row's touches, in stored order. */
export const touchIds = (row: ContactRow | undefined) => (row ? touchesOf(row).map((t) => t.id) : undefined);

/** A contact row as the background stores it, written directly for test setup. */
export async function putRow(
  db: LeadlightDb,
  contact: Contact,
  extras: { tokens?: string[]; viewedAt?: string; fetchedAt?: string; touches?: Touch[] } = {},
): Promise<void> {
  const { touches = [], ...rest } = extras;
  await db.contacts.put({ ...contact, ...rest, touches: packTouches(touches) });
}
