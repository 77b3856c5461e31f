import Dexie, { type EntityTable } from 'dexie';
import { watchContactIndex } from './contact-search';
import { watchReportCache } from './report-cache';
import { watchSmallTables } from './small-table-cache';
import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import type { ObservedTouch } from '../domain/observed-touch';
import type { Persona } from '../domain/persona';
import type { TeamVerdict } from '../domain/team-verdict';
import { packTouches, type PackedTouches, type StoredTouch } from '../domain/packed-touches';

/**
 * A cached contact, when it was last fetched from its source (stale-while-revalidate),
 * last shown (LRU), and (since v4) the contact's touches, packed since v9. Read and
 * write it through ./contact-rows.ts.
 */
export type ContactRow = Contact & {
  /** Search words, indexed until v7; v9's upgrade removed them from rows written before. */
  tokens?: string[];
  fetchedAt?: string;
  viewedAt?: string;
  touches: PackedTouches;
  /** Fields kept from an earlier source than the row's latest write, and which source that was. */
  fieldSources?: Record<string, { name: string; at?: string }>;
};

/** Where the cached data came from and when, and per-source sync state; one row per key. */
export type MetaRow = {
  /** `source` (what the cache holds) or `sync:<connector>` (its fetch state). */
  key: string;
  name?: string;
  loadedAt?: string;
  etag?: string;
  lastModified?: string;
  lastSyncAt?: string;
  lastError?: string;
  /** On the `source` row of imported data: the files it came from, oldest first. */
  files?: string[];
  /** On the `source` row: the source an import was added on top of. */
  base?: string;
  /**
   * A feed sync under way: `staging` while it reads the feed, `applying` while it
   * swaps the staged rows in. A worker stopped mid-way finds it on its next start.
   */
  phase?: 'staging' | 'applying';
  /** What the sync in `phase` will record once applied (validators wait for it, so a restart refetches). */
  pending?: { etag?: string; lastModified?: string; sourceName: string; rows: number; rowErrors?: string; personas: boolean };
};

/**
 * A feed sync in progress writes here, never into the live tables, and swaps the
 * result in once the whole feed has been read and validated. One row per contact
 * (`contact:<email>`, with the touches the feed lists for them), per campaign
 * (`campaign:<id>`) and one for the feed's personas.
 */
export type StagedRow =
  | { key: `contact:${string}`; email: string; contact?: Contact; touches: StoredTouch[] }
  | { key: `campaign:${string}`; campaign: Campaign }
  | { key: 'personas'; personas: Persona[] };

/** Settings and secrets live here, not in storage.local, which content scripts can read. */
export type SettingRow = { key: string; value: unknown };

/**
 * The last report computed for one question (grouping, model, "only mine", period),
 * when, and from which data (see ./report-views.ts). The view is read back through
 * its schema: a row written by an earlier version may no longer fit.
 */
export type ReportViewRow = { key: string; computedAt: string; stamp: string; view: unknown };

/** A contact row as v4 to v8 stored it: touches as objects, one per touch. */
type LegacyRow = Omit<ContactRow, 'touches'> & { touches: StoredTouch[] };

export const DATABASE_NAME = 'leadlight';

/**
 * The background's cache. Shipped versions are never edited: a schema change adds
 * `version(n + 1)` with an upgrade, and tests/unit/db-migrations.test.ts upgrades
 * a database holding real data from every earlier version.
 */
export class LeadlightDb extends Dexie {
  contacts!: EntityTable<ContactRow, 'email'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  personas!: EntityTable<Persona, 'id'>;
  feedback!: EntityTable<Feedback, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;
  feedStaging!: EntityTable<StagedRow, 'key'>;
  observedTouches!: EntityTable<ObservedTouch, 'id'>;
  teamVerdicts!: EntityTable<TeamVerdict, 'id'>;
  reportViews!: EntityTable<ReportViewRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      contacts: 'email, *tokens',
      campaigns: 'id',
      touches: 'id, email, campaignId, date',
      personas: 'id',
      feedback: 'id, email, createdAt, syncState',
      meta: 'key',
    });
    // v2: connectors. Settings move into the background's own store; contacts learn
    // when they were fetched and viewed; feedback becomes an outbox.
    this.version(2)
      .stores({
        contacts: 'email, *tokens, viewedAt',
        feedback: 'id, email, createdAt, syncState, nextAttemptAt',
        settings: 'key',
      })
      .upgrade(async (tx) => {
        const source = (await tx.table('meta').get('source')) as { loadedAt?: string } | undefined;
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: ContactRow) => {
            c.fetchedAt ??= source?.loadedAt;
          });
        await tx
          .table('feedback')
          .toCollection()
          .modify((f: Feedback) => {
            f.attempts ??= 0;
          });
      });
    // v3: touches are only ever looked up by contact (and campaign); the date index
    // cost every bulk write and served no query.
    this.version(3).stores({ touches: 'id, email, campaignId' });
    // v4: touches move into their contact's row. Writes are bound by the browser's
    // per-row cost (about 15k rows/s in Chromium), so 10 touches in one row write
    // 12–13× faster than 10 rows, and a lookup is one read. A touch whose contact
    // has no row (a feed may list one) keeps a bare row for its email.
    this.version(4)
      .stores({ touches: null })
      .upgrade(async (tx) => {
        const byEmail = new Map<string, StoredTouch[]>();
        await tx.table('touches').each(({ email, ...touch }: Touch) => {
          const list = byEmail.get(email);
          if (list) list.push(touch);
          else byEmail.set(email, [touch]);
        });
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: LegacyRow) => {
            c.touches = byEmail.get(c.email) ?? [];
            byEmail.delete(c.email);
          });
        const source = (await tx.table('meta').get('source')) as { loadedAt?: string } | undefined;
        await tx.table('contacts').bulkAdd(
          [...byEmail].map(([email, touches]): LegacyRow => ({
            email,
            tokens: searchTokens({ email }),
            fetchedAt: source?.loadedAt,
            touches,
          })),
        );
      });
    // v5: a staging area for feed syncs, so a 100k-row feed is read and checked in
    // full before it replaces anything, in small steps that never hold up a lookup.
    this.version(5).stores({ feedStaging: 'key' });
    // v6: the closed loop across a team. The rep's own mail seen in Gmail or Outlook
    // (first touches the CRM may lack), and verdicts the team gave, read from the
    // CRM or imported from feedback files, kept apart from this rep's own feedback.
    this.version(6).stores({ observedTouches: 'id, email, seenAt', teamVerdicts: 'id, email, origin, createdAt' });
    // v7: search runs on an in-memory index (lib/search), so the words index on
    // contacts served no query, yet cost every contact write about six index entries.
    // Old rows keep their unread `tokens`: rewriting 100k rows would hold the
    // database closed for seconds on first start, to save a few bytes per row.
    this.version(7).stores({ contacts: 'email, viewedAt' });
    // v8: the last reports computed, so a report opened after the worker was stopped
    // shows them at once, labelled with their time, while it reads every contact again.
    this.version(8).stores({ reportViews: 'key, computedAt, stamp' });
    // v9: touches are packed in their row (lib/domain/packed-touches.ts): about 40% fewer bytes
    // per row, and the browser's cost to store a row grows with its bytes. Every row is
    // rewritten once, so the words v7 stopped reading go too.
    this.version(9).upgrade(async (tx) => {
      await tx
        .table('contacts')
        .toCollection()
        .modify((row: Omit<LegacyRow, 'touches'> & { touches: StoredTouch[] | PackedTouches }) => {
          if (Array.isArray(row.touches)) row.touches = packTouches(row.touches);
          delete row.tokens;
        });
    });
    // v10: the toolbar's overdue count reads only the contacts handed to sales. It
    // walked every row instead, on each start of the worker and every five minutes:
    // at 100k contacts, seconds of work that sidebar lookups queued behind. Rows
    // never handed off (most, and every bulk import without an MQL date) carry no
    // entry, so imports write no more than before.
    this.version(10).stores({ contacts: 'email, viewedAt, handoffAt' });
    watchSmallTables(this);
    watchContactIndex(this);
    watchReportCache(this);
  }
}

/** Words a person might type to find a contact: name parts, email, company words. */
export function searchTokens(contact: Contact): string[] {
  const words = [contact.name, contact.company, contact.email.split('@')[0]]
    .filter((v): v is string => !!v)
    .flatMap((v) => v.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 0);
  return [...new Set([contact.email, ...words])];
}
