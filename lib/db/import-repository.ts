import type { Contact } from '../domain/contact';
import type { ImportBatch } from '../domain/import-batch';
import { packedCount, unpackTouches, type PackedTouches } from '../domain/packed-touches';
import type { ImportCounts } from '../messaging/protocol';
import { contactOf, mergePacked } from './contact-rows';
import type { ContactRow, LeadlightDb } from './database';
import { IMPORT_REPLACING, IMPORT_RUNNING, importUnderWay } from './import-markers';

/**
 * A replacing import in progress: the emails and campaigns it has written. Any other
 * email's stored row belongs to the data being replaced, so its batches overwrite it
 * without reading it (at 100k contacts, a seventh of the import's time). Kept in
 * memory only: after a worker restart each batch reads again and tells this import's
 * rows from the replaced ones by their time, as the end of the import does.
 */
type Replacing = { contacts: Set<string>; campaigns: Set<string> };
const replacing = new WeakMap<LeadlightDb, Replacing>();
// Survives a worker restart: when the replacing import began.
const MARKER = IMPORT_REPLACING;
/**
 * When each adding import begun in this worker and not finished began: its finish leaves a
 * replacing import under way alone, where a cancelled replacing import's (recorded as
 * added) ends it. One the browser closed on is forgotten after the same bound as a marker.
 */
const adding = new WeakMap<LeadlightDb, string[]>();
const addingNow = (db: LeadlightDb, now: Date) => (adding.get(db) ?? []).filter((at) => importUnderWay(at, now.getTime()));

/**
 * Starts an import. One that replaces the data leaves it in place until it finishes
 * (see finishImport): an import that fails part-way loses nothing stored before it.
 * Every import marks itself running until it finishes, so a feed sync stops rather
 * than sweep its rows away. Feedback is never touched.
 */
export async function beginImport(db: LeadlightDb, replace: boolean, now = new Date()): Promise<void> {
  const at = now.toISOString();
  if (!replace) adding.set(db, [...addingNow(db, now), at]);
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: IMPORT_RUNNING, loadedAt: at });
    if (replace) return db.meta.put({ key: MARKER, loadedAt: at });
    // A replacing import still under way keeps its marker, and this file's rows join the data it
    // builds; one the browser closed on long ago is over, and this import merges with every row.
    if (importUnderWay((await db.meta.get(MARKER))?.loadedAt, now.getTime())) return;
    replacing.delete(db);
    await db.meta.delete(MARKER);
  });
  if (replace) replacing.set(db, { contacts: new Set(), campaigns: new Set() });
}

/** Removes what a finished replacing import did not write: the data it replaces. */
async function sweepReplaced(db: LeadlightDb): Promise<void> {
  const state = replacing.get(db);
  const began = (await db.meta.get(MARKER))?.loadedAt;
  if (!state && !began) return;
  const stale = state
    ? (await db.contacts.toCollection().primaryKeys()).filter((email) => !state.contacts.has(email))
    : // The worker restarted meanwhile: rows this import wrote are those fetched since it began.
      await db.contacts.filter((row) => !row.fetchedAt || row.fetchedAt < began!).primaryKeys();
  for (let i = 0; i < stale.length; i += 1000) await db.contacts.bulkDelete(stale.slice(i, i + 1000));
  // Without the worker's memory a campaign cannot be told apart; one no touch names is harmless.
  if (state) await db.campaigns.bulkDelete((await db.campaigns.toCollection().primaryKeys()).filter((id) => !state.campaigns.has(id)));
}

/**
 * A contact updated from an import: fields the file fills win, fields it leaves
 * blank keep what the cache knew (a HubSpot export after a Salesforce one must not
 * erase the title). Touches are merged by id; when the rep last viewed it is kept.
 * A person the cache has no row for takes the batch's packed touches as they are:
 * the batch's schema already left each touch id once.
 */
function mergeRow(
  existing: ContactRow | undefined,
  incoming: Contact | undefined,
  touches: PackedTouches | undefined,
  fetchedAt: string,
  previousSource: string | undefined,
): ContactRow {
  const merged: Record<string, unknown> = existing ? { ...contactOf(existing) } : {};
  const fieldSources = { ...existing?.fieldSources };
  for (const [k, v] of Object.entries(incoming ?? {})) {
    if (v === undefined || v === '') continue;
    merged[k] = v;
    delete fieldSources[k];
  }
  // A field this file left blank keeps the earlier value, and the sidebar says where that came from.
  if (existing && incoming && previousSource) {
    for (const k of Object.keys(merged)) {
      if (k !== 'email' && !(k in fieldSources) && (incoming as Record<string, unknown>)[k] === undefined) {
        fieldSources[k] = { name: previousSource, at: existing.fetchedAt };
      }
    }
  }
  const contact = merged as Contact;
  const extras = {
    fetchedAt,
    ...(existing?.viewedAt ? { viewedAt: existing.viewedAt } : {}),
    ...(Object.keys(fieldSources).length > 0 ? { fieldSources } : {}),
  };
  const packed = existing ? mergePacked(existing.touches, unpackTouches(touches)) : (touches ?? { s: [], t: [] });
  return { ...contact, ...extras, touches: packed };
}

/**
 * Upserts one batch of validated rows in one transaction: one bulkGet for the
 * contacts it names, then two bulkPuts — no per-row awaits, which is what keeps a
 * 100k-row import to seconds. Campaigns and touches have deterministic ids, so a
 * re-import overwrites rather than duplicates them. A touch for someone neither
 * the batch nor the cache knows gets a bare contact row. The batch is as its
 * schema gives it (lib/domain/import-batch.ts): one packed list per person.
 */
export async function upsertRecords(db: LeadlightDb, batch: ImportBatch, now = new Date()): Promise<ImportCounts> {
  const fetchedAt = now.toISOString();
  // A batch may name a contact twice; later rows win, as within a file.
  const incoming = new Map<string, Contact>();
  for (const c of batch.contacts) {
    const seen = incoming.get(c.email);
    incoming.set(c.email, seen ? { ...seen, ...dropBlank(c) } : c);
  }
  const touches = new Map(batch.touches);
  const emails = [...new Set([...incoming.keys(), ...touches.keys()])];
  await db.transaction('rw', [db.contacts, db.campaigns, db.meta], async () => {
    // Until the import finishes, the cache's source is still the data it is merging into.
    // Read inside the transaction: an earlier batch's writes are committed by now.
    const state = replacing.get(db);
    const written = state?.contacts;
    const toRead = written ? emails.filter((e) => written.has(e)) : emails;
    const [found, source, marker] = await Promise.all([
      db.contacts.bulkGet(toRead),
      db.meta.get('source'),
      written ? undefined : db.meta.get(MARKER),
    ]);
    // A replacing import whose worker restarted has no memory of what it wrote: a row stored
    // before it began is the data being replaced, overwritten as if it were not there.
    const began = marker?.loadedAt;
    const byEmail = new Map(toRead.map((e, i) => [e, found[i]]));
    const known = emails.map((e) => {
      const row = byEmail.get(e);
      return began && row && (!row.fetchedAt || row.fetchedAt < began) ? undefined : row;
    });
    // While replacing, every row read was written by this import: a blank field there is no older source's.
    const previousSource = written || began ? undefined : source?.name;
    const rows = emails.map((email, i) =>
      mergeRow(known[i], incoming.get(email) ?? (known[i] ? undefined : { email }), touches.get(email), fetchedAt, previousSource),
    );
    await Promise.all([db.contacts.bulkPut(rows), db.campaigns.bulkPut(batch.campaigns)]);
    for (const e of emails) written?.add(e);
    for (const c of batch.campaigns) state?.campaigns.add(c.id);
  });
  let touchCount = 0;
  for (const packed of touches.values()) touchCount += packedCount(packed);
  return { contacts: incoming.size, campaigns: batch.campaigns.length, touches: touchCount };
}

function dropBlank(c: Contact): Partial<Contact> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** File names listed in the data-source line before the rest are counted. */
const NAMED_FILES = 3;

function importName(files: readonly string[]): string {
  const named = files.slice(-NAMED_FILES).join(', ');
  const more = files.length - NAMED_FILES;
  return `Import: ${more > 0 ? `${named} and ${more} earlier file${more === 1 ? '' : 's'}` : named}`;
}

/**
 * Records the import as the cache's source. A replacing import names its file; one
 * added on top names every file the data now comes from, after the source it was
 * added to ("Demo data … + Import: b.csv"), so the line never credits only the last.
 */
export async function finishImport(db: LeadlightDb, fileName: string, now = new Date(), replace = true): Promise<void> {
  const open = addingNow(db, now);
  const ownAdd = !replace && open.length > 0;
  adding.set(db, ownAdd ? open.slice(1) : open);
  if (replace) await sweepReplaced(db);
  if (!ownAdd) replacing.delete(db);
  // One transaction with the source line: a feed sync checking between them must see one or the other.
  await db.transaction('rw', db.meta, async () => {
    if (!ownAdd) await db.meta.delete(MARKER);
    const replacingOn = ownAdd && importUnderWay((await db.meta.get(MARKER))?.loadedAt, now.getTime());
    if (!replacingOn && adding.get(db)!.length === 0) await db.meta.delete(IMPORT_RUNNING);
    const before = await db.meta.get('source');
    const added = !replace && before;
    const files = added && before.files ? [...before.files.filter((f) => f !== fileName), fileName] : [fileName];
    const base = added ? (before.files ? before.base : before.name) : undefined;
    const name = base ? `${base} + ${importName(files)}` : importName(files);
    await db.meta.put({ key: 'source', name, loadedAt: now.toISOString(), files, ...(base ? { base } : {}) });
  });
}
