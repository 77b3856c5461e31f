import Dexie, { type EntityTable } from 'dexie';
import { watchSmallTables } from './small-table-cache';
import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import type { Persona } from '../domain/persona';

/**
 * A cached contact plus the lower-cased words the popup search matches on, when it
 * was last fetched from its source (stale-while-revalidate) and last shown (LRU).
 */
export type ContactRow = Contact & { tokens: string[]; fetchedAt?: string; viewedAt?: string };

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
};

/** Settings and secrets live here, not in storage.local, which content scripts can read. */
export type SettingRow = { key: string; value: unknown };

export const DATABASE_NAME = 'leadlight';

/**
 * The background's cache. Shipped versions are never edited: a schema change adds
 * `version(n + 1)` with an upgrade, and tests/unit/db-migrations.test.ts upgrades
 * a database holding real data from every earlier version.
 */
export class LeadlightDb extends Dexie {
  contacts!: EntityTable<ContactRow, 'email'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  personas!: EntityTable<Persona, 'id'>;
  feedback!: EntityTable<Feedback, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;

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
    watchSmallTables(this);
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
