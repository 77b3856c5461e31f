import { contactOf, touchesOf } from '../db/contact-rows';
import type { LeadlightDb } from '../db/database';
import type { ObservedTouch } from '../domain/observed-touch';
import { slaViewFor } from '../domain/sla-view';
import { authorKey, authorName } from '../domain/team-verdict';
import { fold } from '../domain/fold';
import { slaContext } from '../settings/sla-context';
import { loadSettings } from '../settings/settings';

/** One of the rep's hand-offs waiting for a first touch. */
export type QueueItem = {
  email: string;
  name?: string;
  company?: string;
  state: 'overdue' | 'due_soon';
  dueAt: string;
  /** Overdue by, or left, in business time ("2 h 15 min"). */
  duration: string;
};

/**
 * The rep's queue: whose hand-offs, and which are overdue (the toolbar badge) or due soon.
 * `ownerless`: no hand-off names its owner (HubSpot's mapping, an import without an owner
 * column), so every hand-off is listed, whoever the rep is.
 */
export type RepQueue = { owner: string | null; overdue: number; dueSoon: number; items: QueueItem[]; ownerless?: boolean };

// The popup lists the most urgent; the badge counts them all.
const MAX_ITEMS = 50;
// The demo inbox belongs to the demo team's Alex Rivera.
const DEMO_OWNER = 'Alex Rivera';

/**
 * The rep's hand-offs that sales has not touched yet, overdue first (longest
 * overdue first), then due soon (soonest due first). "The rep's" means the
 * contacts whose owner is the rep set in Settings (by name or email); with no rep
 * set, every hand-off in the cache counts, and the popup says so.
 */
export async function repQueue(db: LeadlightDb, realNow = new Date()): Promise<RepQueue> {
  const settings = await loadSettings(db);
  const context = slaContext(settings, realNow);
  const rep = repKeys(settings.rep.name, settings.rep.email, settings.source === 'demo' && !settings.rep.email);
  const rejected = await handoffsRejected(db);
  const observed = new Map<string, ObservedTouch[]>();
  for (const o of await db.observedTouches.toArray()) observed.set(o.email, [...(observed.get(o.email) ?? []), o]);
  const items: QueueItem[] = [];
  // Only handed-off rows have an entry in this index, and one request reads them all.
  const handedOff = await db.contacts.where('handoffAt').aboveOrEqual('').toArray();
  // Filtering by an owner the data never names would empty the queue, and the badge with it.
  const ownerless = handedOff.length > 0 && handedOff.every((row) => !row.owner?.trim());
  for (const row of handedOff) {
    if (rep.size && !ownerless && !ownerKeys(row.owner).some((k) => rep.has(k))) continue;
    // Handed back to marketing since this hand-off ("Hand-off rejected"): no first touch is owed.
    const handedBack = rejected.get(row.email);
    if (handedBack && row.handoffAt && handedBack >= row.handoffAt) continue;
    const contact = contactOf(row);
    const sla = slaViewFor(contact, touchesOf(row), context.settings, context.now, {
      observed: observed.get(row.email) ?? [],
      worked: context.worked,
    });
    if (sla?.state !== 'overdue' && sla?.state !== 'due_soon') continue;
    items.push({
      email: row.email,
      ...(contact.name ? { name: contact.name } : {}),
      ...(contact.company ? { company: contact.company } : {}),
      state: sla.state,
      dueAt: sla.dueAt,
      duration: sla.duration,
    });
  }
  items.sort((a, b) => (a.state === b.state ? a.dueAt.localeCompare(b.dueAt) : a.state === 'overdue' ? -1 : 1));
  const overdue = items.filter((i) => i.state === 'overdue').length;
  return {
    owner: rep.size ? (settings.rep.name ?? settings.rep.email ?? DEMO_OWNER) : null,
    overdue,
    dueSoon: items.length - overdue,
    items: items.slice(0, MAX_ITEMS),
    ...(ownerless ? { ownerless } : {}),
  };
}

/** When the rep's current verdict on each contact rejected its hand-off, by email. */
async function handoffsRejected(db: LeadlightDb): Promise<Map<string, string>> {
  const latest = new Map<string, { createdAt: string; rejected: boolean }>();
  for (const f of await db.feedback.toArray()) {
    const seen = latest.get(f.email);
    if (!seen || f.createdAt > seen.createdAt)
      latest.set(f.email, { createdAt: f.createdAt, rejected: f.kind === 'handoff' && f.verdict === 'bad' });
  }
  return new Map([...latest].filter(([, v]) => v.rejected).map(([email, v]) => [email, v.createdAt]));
}

/** A name as its words, case and accents aside ("José  Núñez" and "jose nunez" are one). */
const nameKey = (v: string) =>
  fold(v)
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim();

/**
 * Who the rep is, as an owner field may name them: their name, their address, and the
 * name a first.last address spells ("alex.rivera@" is Alex Rivera), as a rep often gives
 * only the address while CRMs name owners by name.
 */
function repKeys(name: string | undefined, email: string | undefined, demo: boolean): Set<string> {
  const keys = new Set<string>();
  if (name?.trim()) keys.add(nameKey(name));
  if (email?.trim()) {
    keys.add(email.trim().toLowerCase());
    // Only an address shaped first.last spells a name: "sales@" or "alex@" names nobody in particular.
    const local = email.slice(0, email.indexOf('@'));
    if (/^\p{L}+[._-]\p{L}+$/u.test(local)) keys.add(nameKey(local));
  }
  if (demo) keys.add(nameKey(DEMO_OWNER));
  keys.delete('');
  return keys;
}

/** An owner field's name and address: "Alex Rivera", "alex.rivera@…" or "Alex Rivera <alex.rivera@…>". */
function ownerKeys(owner: string | undefined): string[] {
  if (!owner?.trim()) return [];
  const address = authorKey(owner);
  if (!address.includes('@')) return [nameKey(owner)];
  // An owner's address matches only itself: two reps may share a local part at two companies.
  const named = authorName(owner);
  return [address, ...(named === owner.trim() ? [] : [nameKey(named)])];
}
