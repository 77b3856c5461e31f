import type { Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
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

/**
 * Assembles everything the sidebar shows for one contact, or null when we have no
 * record of them (the sidebar then says so plainly rather than inventing data).
 */
export async function getContactContext(db: LeadlightDb, email: string, now: Date = new Date()): Promise<ContactContext | null> {
  const key = email.trim().toLowerCase();
  const row = await db.contacts.get(key);
  if (!row) return null;
  const contact = contactOf(row);
  const touches = touchesOf(row);
  // One round of parallel reads; the small tables usually come from memory.
  const [feedback, campaigns, personas, source, settings, observed] = await Promise.all([
    db.feedback.where('email').equals(key).toArray(),
    cachedTable(db, 'campaigns', () => db.campaigns.toArray()),
    cachedTable(db, 'personas', () => db.personas.toArray()),
    cachedTable(db, 'meta', () => db.meta.get('source')),
    loadSettings(db),
    db.observedTouches.where('email').equals(key).toArray(),
  ]);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const timeline: TimelineEntry[] = touches
    .map((t) => ({ ...t, campaign: byId.get(t.campaignId) }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const lastFeedback = feedback.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const sla = slaContext(settings, now);
  const personaMatches = rankPersonas(personas, contact, timeline);
  const top = personaMatches[0];
  const best = top?.fits ? { id: top.personaId, name: top.personaName } : undefined;
  return {
    contact,
    timeline,
    personaMatches,
    lastFeedback,
    sla: slaViewFor(contact, touches, sla.settings, sla.now, { worked: sla.worked, observed }),
    upcoming: upcomingCampaigns(campaigns, contact, best, now, touches),
    source: { name: source?.name ?? 'Unknown source', dataAsOf: source?.loadedAt ?? new Date(0).toISOString() },
    sources: {
      record: { name: sourceLabel(source?.name), at: row.fetchedAt ?? source?.loadedAt },
      fields: Object.fromEntries(Object.entries(row.fieldSources ?? {}).map(([k, v]) => [k, { ...v, name: sourceLabel(v.name) }])),
    },
  };
}

/** Every cached contact and every touch, for the report and persona previews (computed in memory). */
export async function loadContactsAndTouches(db: LeadlightDb): Promise<{ contacts: Contact[]; touches: Touch[] }> {
  const contacts: Contact[] = [];
  const touches: Touch[] = [];
  await db.contacts.each((row) => {
    contacts.push(contactOf(row));
    for (const t of touchesOf(row)) touches.push(t);
  });
  return { contacts, touches };
}
