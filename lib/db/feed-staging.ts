import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Persona } from '../domain/persona';
import { groupTouches, mergeTouches, packTouches } from '../domain/packed-touches';
import { storedTouch } from './contact-rows';
import type { Table } from 'dexie';
import type { ContactRow, LeadlightDb, MetaRow, StagedRow } from './database';

type StagedContact = Extract<StagedRow, { key: `contact:${string}` }>;

/** One validated batch of feed records, in whatever order the feed lists them. */
export type StagedBatch = { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[]; personas: Persona[] };

/**
 * Contact rows written per transaction while swapping a feed in. A write
 * transaction on `contacts` holds up lookups that start after it, and reading the
 * staged rows back is one task of the worker's. Chromium's IndexedDB takes about
 * 250 µs a row here: 50 rows of ~10 touches keep each step near 12 ms, well under
 * the 50 ms a sidebar lookup may wait (250 rows made 40–75 ms tasks in a trace).
 */
export const APPLY_ROWS = 50;

const contactKey = (email: string) => `contact:${email}` as const;
const CONTACTS_FROM = 'contact:';
const CONTACTS_TO = 'contact:\uffff';

/** Empties the staging area (a new sync starts, or an abandoned one is cleaned up). */
export async function clearStaging(db: LeadlightDb): Promise<void> {
  await db.feedStaging.clear();
}

/**
 * Adds a batch to the staging area. The feed lists touches apart from contacts,
 * so each touch is merged into its contact's staged row as it arrives. Only the
 * staging table is written: lookups on the live tables never wait for this.
 */
export async function stageBatch(db: LeadlightDb, batch: StagedBatch): Promise<void> {
  const contacts = new Map(batch.contacts.map((c) => [c.email, c]));
  const touches = groupTouches(batch.touches);
  const emails = [...new Set([...contacts.keys(), ...touches.keys()])];
  await db.transaction('rw', db.feedStaging, async () => {
    const [staged, personas] = await Promise.all([
      db.feedStaging.bulkGet(emails.map(contactKey)) as Promise<(StagedContact | undefined)[]>,
      batch.personas.length ? db.feedStaging.get('personas') : undefined,
    ]);
    const rows: StagedRow[] = emails.map((email, i) => {
      const before = staged[i];
      // A contact listed twice: the later entry is the feed's word.
      const contact = contacts.get(email) ?? before?.contact;
      return {
        key: contactKey(email),
        email,
        ...(contact ? { contact } : {}),
        touches: mergeTouches(before?.touches ?? [], (touches.get(email) ?? []).map(storedTouch)),
      };
    });
    for (const campaign of batch.campaigns) rows.push({ key: `campaign:${campaign.id}`, campaign });
    if (batch.personas.length) {
      const earlier = personas && 'personas' in personas ? personas.personas : [];
      rows.push({ key: 'personas', personas: [...earlier, ...batch.personas] });
    }
    await db.feedStaging.bulkPut(rows);
  });
}

export type AppliedCounts = { contacts: number; campaigns: number; touches: number };

/** A swap that must not go on: the message says why, in words for the feed status. */
export class SwapStopped extends Error {
  override name = 'SwapStopped';
}

export type ApplyOptions = {
  sourceName: string;
  now: Date;
  /** Wraps each contact write: the sync rests between them (../connectors/feed/pacing.ts). */
  pace?: (write: () => Promise<unknown>) => Promise<unknown>;
  /**
   * Asked inside every write transaction, which also spans `meta` and `settings`: a
   * reason stops the swap before that write, so data the rep chose or deleted meanwhile
   * is never overwritten by the feed.
   */
  stillWanted?: () => Promise<string | undefined>;
  /** The sync's own record, written with the source line: no restart finds the swap done but unrecorded. */
  record?: MetaRow;
};

/**
 * Swaps the staged feed in: contact rows in transactions of APPLY_ROWS (each
 * contact changes atomically, touches included), then contacts the feed no longer
 * lists are removed the same way, then campaigns, personas, the source line and the
 * sync's record in one small transaction. Safe to run again from the start after an
 * interruption: every step writes the staged state, whatever was there. Throws
 * SwapStopped when `stillWanted` gives a reason, or when nothing is staged.
 */
export async function applyStaging(
  db: LeadlightDb,
  { sourceName, now, pace = (write) => write(), stillWanted = async () => undefined, record }: ApplyOptions,
): Promise<AppliedCounts> {
  // Swapping in an empty staging area would delete every contact: whatever emptied it, nothing is left to apply.
  if (!(await db.feedStaging.where('key').between(CONTACTS_FROM, CONTACTS_TO).first()))
    throw new SwapStopped('The new feed data was no longer waiting to be put in place. The cached data was kept.');
  const guarded = (tables: Table[], write: () => Promise<unknown>) =>
    db.transaction('rw', [...tables, db.meta, db.settings], async () => {
      const reason = await stillWanted();
      if (reason) throw new SwapStopped(reason);
      await write();
    });
  const fetchedAt = now.toISOString();
  const listed = new Set<string>();
  let touches = 0;
  let after = CONTACTS_FROM;
  for (;;) {
    const page = (await db.feedStaging
      .where('key')
      .between(after, CONTACTS_TO, false, false)
      .limit(APPLY_ROWS)
      .toArray()) as StagedContact[];
    if (page.length === 0) break;
    const rows = page.map((s): ContactRow => {
      const contact = s.contact ?? { email: s.email };
      listed.add(s.email);
      touches += s.touches.length;
      return { ...contact, fetchedAt, touches: packTouches(s.touches) };
    });
    await pace(() => guarded([db.contacts], () => db.contacts.bulkPut(rows)));
    after = page[page.length - 1]!.key;
  }
  const gone = (await db.contacts.toCollection().primaryKeys()).filter((email) => !listed.has(email));
  for (let i = 0; i < gone.length; i += APPLY_ROWS)
    await guarded([db.contacts], () => db.contacts.bulkDelete(gone.slice(i, i + APPLY_ROWS)));

  const [campaignRows, personaRow] = await Promise.all([
    db.feedStaging.where('key').startsWith('campaign:').toArray(),
    db.feedStaging.get('personas'),
  ]);
  const campaigns = campaignRows.flatMap((r) => ('campaign' in r ? [r.campaign] : []));
  const personas = personaRow && 'personas' in personaRow ? personaRow.personas : [];
  await guarded([db.campaigns, db.personas], async () => {
    await db.campaigns.clear();
    await db.campaigns.bulkPut(campaigns);
    // Personas are the team's shared language: only a feed that carries them replaces them.
    if (personas.length > 0) {
      await db.personas.clear();
      await db.personas.bulkPut(personas);
    }
    await db.meta.put({ key: 'source', name: sourceName, loadedAt: fetchedAt });
    if (record) await db.meta.put(record);
  });
  await clearStaging(db);
  return { contacts: listed.size, campaigns: campaigns.length, touches };
}
