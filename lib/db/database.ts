import Dexie, { type EntityTable } from 'dexie';
import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import type { Persona } from '../domain/persona';

/** A cached contact plus the lower-cased words the popup search matches on. */
export type ContactRow = Contact & { tokens: string[] };

/** Where the cached data came from and when; one row per key. */
export type MetaRow = { key: 'source'; name: string; loadedAt: string };

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
