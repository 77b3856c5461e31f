import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Persona } from '../domain/persona';
import { groupTouches } from '../domain/packed-touches';
import { contactRow, type RowExtras } from './contact-rows';
import type { ContactRow, LeadlightDb } from './database';

export type Dataset = { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[]; personas: Persona[] };

/**
 * Replaces the cached marketing data with a dataset in one transaction, so a
 * failure leaves the previous data intact. Feedback is the rep's own writing and
 * is never touched here.
 */
export async function replaceDataset(
  db: LeadlightDb,
  data: Dataset,
  sourceName: string,
  now = new Date(),
  replacePersonas = false,
): Promise<void> {
  const rows = contactRows(data.contacts, data.touches);
  await db.transaction('rw', [db.contacts, db.campaigns, db.personas, db.meta], async () => {
    await clearMarketingData(db);
    await db.contacts.bulkPut(rows);
    await db.campaigns.bulkPut(data.campaigns);
    // Personas are the team's shared language: a data reload must not undo their edits,
    // so the dataset's personas only fill an empty table unless told to replace them.
    if (replacePersonas || (await db.personas.count()) === 0) {
      await db.personas.clear();
      await db.personas.bulkPut(data.personas);
    }
    await db.meta.put({ key: 'source', name: sourceName, loadedAt: now.toISOString() });
  });
}

/**
 * Each contact's row with its touches. A touch naming someone the data has no
 * contact for still tells who met which campaign, so it gets a bare row.
 */
export function contactRows(contacts: readonly Contact[], touches: readonly Touch[], extras: RowExtras = {}): ContactRow[] {
  const byEmail = groupTouches(touches);
  const rows = contacts.map((c) => {
    const own = byEmail.get(c.email) ?? [];
    byEmail.delete(c.email);
    return contactRow(c, own, extras);
  });
  for (const [email, own] of byEmail) rows.push(contactRow({ email }, own, extras));
  return rows;
}

/** Empties the source's data (contacts with their touches, campaigns); call inside a transaction over both. */
export function clearMarketingData(db: LeadlightDb): Promise<unknown> {
  return Promise.all([db.contacts.clear(), db.campaigns.clear()]);
}

/** True when nothing has been loaded yet (first install, or data deleted). */
export async function isEmpty(db: LeadlightDb): Promise<boolean> {
  return (await db.meta.get('source')) === undefined;
}
