import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Persona } from '../domain/persona';
import { searchTokens, type LeadlightDb } from './database';

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
  await db.transaction('rw', [db.contacts, db.campaigns, db.touches, db.personas, db.meta], async () => {
    await Promise.all([db.contacts.clear(), db.campaigns.clear(), db.touches.clear()]);
    await db.contacts.bulkPut(data.contacts.map((c) => ({ ...c, tokens: searchTokens(c) })));
    await db.campaigns.bulkPut(data.campaigns);
    await db.touches.bulkPut(data.touches);
    // Personas are the team's shared language: a data reload must not undo their edits,
    // so the dataset's personas only fill an empty table unless told to replace them.
    if (replacePersonas || (await db.personas.count()) === 0) {
      await db.personas.clear();
      await db.personas.bulkPut(data.personas);
    }
    await db.meta.put({ key: 'source', name: sourceName, loadedAt: now.toISOString() });
  });
}

/** True when nothing has been loaded yet (first install, or data deleted). */
export async function isEmpty(db: LeadlightDb): Promise<boolean> {
  return (await db.meta.get('source')) === undefined;
}
