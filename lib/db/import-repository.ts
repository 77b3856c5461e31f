import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { ImportCounts } from '../messaging/protocol';
import { searchTokens, type ContactRow, type LeadlightDb } from './database';

/** Clears cached marketing data before an import that replaces it; feedback is never touched. */
export async function beginImport(db: LeadlightDb, replace: boolean): Promise<void> {
  if (!replace) return;
  await db.transaction('rw', [db.contacts, db.campaigns, db.touches, db.personas], async () => {
    await Promise.all([db.contacts.clear(), db.campaigns.clear(), db.touches.clear()]);
  });
}

/**
 * A contact row updated from an import: fields the file fills win, fields it
 * leaves blank keep what the cache knew (a HubSpot export after a Salesforce one
 * must not erase the title). When the rep last viewed it is kept too.
 */
function mergeContact(existing: ContactRow | undefined, incoming: Contact, fetchedAt: string): ContactRow {
  const { tokens: _tokens, ...base } = existing ?? ({} as Partial<ContactRow>);
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(incoming)) if (v !== undefined && v !== '') merged[k] = v;
  const contact = merged as Contact;
  return { ...contact, tokens: searchTokens(contact), fetchedAt };
}

/**
 * Upserts one batch of validated rows in one transaction: one bulkGet for the
 * contacts it touches, then three bulkPuts — no per-row awaits, which is what
 * keeps a 100k-row import to seconds. Campaigns and touches have deterministic
 * ids, so a re-import overwrites rather than duplicates them.
 */
export async function upsertRecords(
  db: LeadlightDb,
  batch: { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[] },
  now = new Date(),
): Promise<ImportCounts> {
  const fetchedAt = now.toISOString();
  const emails = [...new Set(batch.contacts.map((c) => c.email))];
  let contacts: ContactRow[] = [];
  await db.transaction('rw', [db.contacts, db.campaigns, db.touches], async () => {
    const known = new Map<string, ContactRow>();
    for (const row of await db.contacts.bulkGet(emails)) if (row) known.set(row.email, row);
    // A batch may name a contact twice; later rows win, as within a file.
    const merged = new Map<string, ContactRow>();
    for (const c of batch.contacts) merged.set(c.email, mergeContact(merged.get(c.email) ?? known.get(c.email), c, fetchedAt));
    contacts = [...merged.values()];
    await Promise.all([db.contacts.bulkPut(contacts), db.campaigns.bulkPut(batch.campaigns), db.touches.bulkPut(batch.touches)]);
  });
  return { contacts: contacts.length, campaigns: batch.campaigns.length, touches: batch.touches.length };
}

/** Marks the cache as holding an import. */
export async function finishImport(db: LeadlightDb, fileName: string, now = new Date()): Promise<void> {
  await db.meta.put({ key: 'source', name: `Import: ${fileName}`, loadedAt: now.toISOString() });
}
