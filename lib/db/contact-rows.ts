import type { Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { ContactRow } from './database';
import { mergeTouches, packTouches, unpackTouches, type PackedTouches, type StoredTouch } from '../domain/packed-touches';

/**
 * Contact rows hold their own touches (schema v4), packed (v9, ../domain/packed-touches.ts).
 * Measured in Chromium, writing 100k contacts with 10 touches each is 12–13× faster
 * this way than one row per touch, and a lookup is one read. These helpers are the
 * only place that knows the row's shape, so callers keep speaking in Contacts and Touches.
 */

/** Cache bookkeeping kept beside a contact. */
export type RowExtras = Partial<Pick<ContactRow, 'fetchedAt' | 'viewedAt' | 'fieldSources'>>;

/** The row's touches as the domain sees them, each with its contact's email. */
export function touchesOf(row: Pick<ContactRow, 'email' | 'touches'>): Touch[] {
  return unpackTouches(row.touches, row.email);
}

/** The contact alone: no search words, cache times or touches. */
export function contactOf(row: ContactRow): Contact {
  const { tokens: _t, fetchedAt: _f, viewedAt: _v, touches: _tt, fieldSources: _fs, ...contact } = row;
  return contact;
}

/** A touch without its email, for the feed's staging rows, which hold touches unpacked. */
export function storedTouch(touch: Touch): StoredTouch {
  const { email: _e, ...stored } = touch;
  return stored;
}

/** A contact and all of its touches as one row. Packing leaves the touches' emails out: the row's key is the email. */
export function contactRow(contact: Contact, touches: readonly StoredTouch[], extras: RowExtras = {}): ContactRow {
  return { ...contact, ...extras, touches: packTouches(touches) };
}

/** A row's packed touches merged with incoming ones, by id, later ones winning: a re-import updates a touch rather than doubling it. */
export function mergePacked(existing: PackedTouches | undefined, incoming: readonly StoredTouch[]): PackedTouches {
  return packTouches(mergeTouches(unpackTouches(existing), incoming));
}
