import type { Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import type { ObservedTouch } from '../domain/observed-touch';
import type { ContactContext, TimelineEntry } from '../domain/contact-context';
import { rankPersonas } from '../domain/persona-match';
import { slaViewFor } from '../domain/sla-view';
import { upcomingCampaigns } from '../domain/upcoming';
import { slaContext } from '../settings/sla-context';
import { loadSettings } from '../settings/settings';
import { contactOf, touchesOf } from './contact-rows';
import type { LeadlightDb } from './database';
import { cachedTable } from './small-table-cache';

export type { ContactSummary } from '../search/contact-index';
export { searchContacts } from './contact-search';

/** "Salesforce", "import of leads.csv", "the demo data": a source as a sentence names it. */
function sourceLabel(name: string | undefined): string {
  if (!name) return 'an unknown source';
  const imported = /^Import: (.+)$/.exec(name);
  if (imported) return `import of ${imported[1]}`;
  return /^Demo data/.test(name) ? 'the demo data' : name;
}

const campaignRows = (db: LeadlightDb) => cachedTable(db, 'campaigns', () => db.campaigns.toArray());

/**
 * The emails a table holds rows for, from its email index. Most contacts have no
 * verdict and no mail seen: knowing who has some spares their lookup two index
 * queries, which made it twice as long as reading the contact's row alone.
 */
const emailsIn = (db: LeadlightDb, table: 'feedback' | 'observedTouches') =>
  cachedTable(db, table, async () => new Set(await db[table].orderBy('email').uniqueKeys()), 'emails');

/**
 * Assembles everything the sidebar shows for one contact, or null when we have no
 * record of them (the sidebar then says so plainly rather than inventing data).
 */
export async function getContactContext(db: LeadlightDb, email: string, now: Date = new Date()): Promise<ContactContext | null> {
  const [context] = await getContactContexts(db, [email], now);
  return context ?? null;
}

/** Verdicts and seen mail of the contacts that have any, in one transaction; most have none, and then nothing is read. */
async function historyOf(db: LeadlightDb, rated: string[], seen: string[]): Promise<[Feedback[], ObservedTouch[]]> {
  if (rated.length === 0 && seen.length === 0) return [[], []];
  return db.transaction('r', [db.feedback, db.observedTouches], () =>
    Promise.all([
      rated.length ? db.feedback.where('email').anyOf(rated).toArray() : [],
      seen.length ? db.observedTouches.where('email').anyOf(seen).toArray() : [],
    ]),
  );
}

/**
 * The sidebar's view of several contacts, in the order asked. Their rows are read
 * in one request, asked for before anything else is awaited, so a refresh started
 * beside the lookup is not seen half-way. Each IndexedDB request is a round trip to
 * the browser process; verdicts and seen mail are read only for contacts that have
 * some, and the small tables usually come from memory.
 */
export async function getContactContexts(
  db: LeadlightDb,
  emails: readonly string[],
  now: Date = new Date(),
): Promise<(ContactContext | null)[]> {
  const keys = emails.map((e) => e.trim().toLowerCase());
  const rowsRead = db.contacts.bulkGet(keys);
  const history = Promise.all([emailsIn(db, 'feedback'), emailsIn(db, 'observedTouches')]).then(([rated, seen]) =>
    historyOf(
      db,
      keys.filter((k) => rated.has(k)),
      keys.filter((k) => seen.has(k)),
    ),
  );
  const [rows, [feedback, observed], campaigns, personas, source, settings] = await Promise.all([
    rowsRead,
    history,
    campaignRows(db),
    cachedTable(db, 'personas', () => db.personas.toArray()),
    cachedTable(db, 'meta', () => db.meta.get('source')),
    loadSettings(db),
  ]);
  // Built from its own read of the table, so a write in between can never leave a stale map cached.
  const byId = await cachedTable(db, 'campaigns', async () => new Map((await campaignRows(db)).map((c) => [c.id, c])), 'by-id');
  const sla = slaContext(settings, now);
  return rows.map((row, i) => {
    if (!row) return null;
    const key = keys[i]!;
    const contact = contactOf(row);
    const touches = touchesOf(row);
    const timeline: TimelineEntry[] = touches
      .map((t) => ({ ...t, campaign: byId.get(t.campaignId) }))
      .sort((a, b) => b.date.localeCompare(a.date));
    const lastFeedback = feedback.filter((f) => f.email === key).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const personaMatches = rankPersonas(personas, contact, timeline);
    const top = personaMatches[0];
    const best = top?.fits ? { id: top.personaId, name: top.personaName } : undefined;
    return {
      contact,
      timeline,
      personaMatches,
      lastFeedback,
      sla: slaViewFor(contact, touches, sla.settings, sla.now, {
        worked: sla.worked,
        observed: observed.filter((o) => o.email === key),
        loggedIn: sla.loggedIn,
      }),
      // The demo world stands still at its own today (see slaContext): its webinars stay ahead.
      upcoming: upcomingCampaigns(campaigns, contact, best, sla.now, touches),
      source: { name: source?.name ?? 'Unknown source', dataAsOf: source?.loadedAt ?? new Date(0).toISOString() },
      sources: {
        record: { name: sourceLabel(source?.name), at: row.fetchedAt ?? source?.loadedAt },
        fields: Object.fromEntries(Object.entries(row.fieldSources ?? {}).map(([k, v]) => [k, { ...v, name: sourceLabel(v.name) }])),
      },
    };
  });
}

/**
 * Every cached contact and every touch, for the report (computed in memory). One
 * request for all rows, rather than a cursor's request per row: at 100k contacts
 * that costs seconds.
 */
export async function loadContactsAndTouches(db: LeadlightDb): Promise<{ contacts: Contact[]; touches: Touch[] }> {
  const rows = await db.contacts.toArray();
  const contacts: Contact[] = [];
  const touches: Touch[] = [];
  for (const row of rows) {
    contacts.push(contactOf(row));
    for (const t of touchesOf(row)) touches.push(t);
  }
  return { contacts, touches };
}
