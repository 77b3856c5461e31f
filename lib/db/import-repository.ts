import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { ImportCounts } from '../messaging/protocol';
import type { LeadlightDb } from './database';

/** Clears cached marketing data before an import that replaces it; feedback is never touched. */
export async function beginImport(db: LeadlightDb, replace: boolean): Promise<void> {
  if (!replace) return;
  await db.transaction('rw', [db.contacts, db.campaigns, db.touches, db.personas], async () => {
    await Promise.all([db.contacts.clear(), db.campaigns.clear(), db.touches.clear()]);
  });
}

/** Upserts one batch of validated rows. */
export async function upsertRecords(
  _db: LeadlightDb,
  _batch: { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[] },
): Promise<ImportCounts> {
  throw new Error('Import is not available yet');
}

/** Marks the cache as holding an import. */
export async function finishImport(db: LeadlightDb, fileName: string, now = new Date()): Promise<void> {
  await db.meta.put({ key: 'source', name: `Import: ${fileName}`, loadedAt: now.toISOString() });
}
