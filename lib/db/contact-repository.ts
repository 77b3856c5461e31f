import type { Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { ContactContext, TimelineEntry } from '../domain/contact-context';
import { rankPersonas } from '../domain/persona-match';
import { slaViewFor } from '../domain/sla-view';
import { upcomingCampaigns } from '../domain/upcoming';
import { slaContext } from '../settings/sla-context';
import { loadSettings } from '../settings/settings';
import { contactOf, takeTouches, touchesOf } from './contact-rows';
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
 * Assembles everything the sidebar shows for one contact, or null when we have no
 * record of them (the sidebar then says so plainly rather than inventing data).
 */
export async function getContactContext(db: LeadlightDb, email: string, now: Date = new Date()): Promise<ContactContext | null> {
  const [context] = await getContactContexts(db, [email], now);
  return context ?? null;
}

/**
 * The sidebar's view of several contacts, in the order asked. The per-contact rows
 * are read in one transaction: each IndexedDB transaction is a round trip to the
 * browser process, and a lookup that opened four of them spent most of its time
 * waiting on those. The small tables usually come from memory.
 */
export async function getContactContexts(
  db: LeadlightDb,
  emails: readonly string[],
  now: Date = new Date(),
): Promise<(ContactContext | null)[]> {
  const keys = emails.map((e) => e.trim().toLowerCase());
  const [[rows, feedback, observed], campaigns, personas, source, settings] = await Promise.all([
    db.transaction('r', [db.contacts, db.feedback, db.observedTouches], () =>
      Promise.all([
        db.contacts.bulkGet(keys),
        db.feedback.where('email').anyOf(keys).toArray(),
        db.observedTouches.where('email').anyOf(keys).toArray(),
      ]),
    ),
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
      upcoming: upcomingCampaigns(campaigns, contact, best, now, touches),
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
 * request for all rows, rather than a cursor's request per row, and the rows' own
 * touch objects, rather than copies: at 100k contacts both cost seconds.
 */
export async function loadContactsAndTouches(db: LeadlightDb): Promise<{ contacts: Contact[]; touches: Touch[] }> {
  const rows = await db.contacts.toArray();
  const contacts: Contact[] = [];
  const touches: Touch[] = [];
  for (const row of rows) {
    contacts.push(contactOf(row));
    for (const t of takeTouches(row)) touches.push(t);
  }
  return { contacts, touches };
}
