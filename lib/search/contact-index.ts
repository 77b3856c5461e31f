import type { Contact } from '../domain/contact';
import { fold } from '../domain/fold';

/** A short line for pickers and search results. */
export type ContactSummary = Pick<Contact, 'email' | 'name' | 'title' | 'company'>;

/** One contact as the search sees it: its fields folded and joined. */
type Entry = { summary: ContactSummary; hay: string; name: string; email: string; company: string; sortKey: string };

// Join fields and rows so no typed word spans two of them (queries drop control characters).
const SEP = '\u0001';
const ROW = '\u0002';
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letters and digits, ASCII first: this runs for most contacts on a short query. */
function isWordChar(hay: string, i: number): boolean {
  const c = hay.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(hay[i]!);
}

function toEntry(c: ContactSummary): Entry {
  const summary: ContactSummary = { email: c.email, name: c.name, title: c.title, company: c.company };
  const name = fold(c.name ?? '');
  const email = fold(c.email);
  const company = fold(c.company ?? '');
  // "obrien" finds O’Brien and "smithjones" Smith-Jones: the name again without the marks inside it.
  const joinedName = name.replace(/['\-.]/g, '');
  const hay = [name, email, company, ...(joinedName === name ? [] : [joinedName])].join(SEP);
  return { summary, hay, name, email, company, sortKey: name || email };
}

/**
 * How well one typed word sits in the text: 0 a whole word, 1 the start of a word,
 * 2 inside a word, or -1 nowhere. The best occurrence counts.
 */
function wordRank(hay: string, word: string): number {
  let best = -1;
  for (let i = hay.indexOf(word); i !== -1; i = hay.indexOf(word, i + 1)) {
    const starts = i === 0 || !isWordChar(hay, i - 1);
    const ends = !isWordChar(hay, i + word.length);
    const rank = starts ? (ends ? 0 : 1) : 2;
    if (best === -1 || rank < best) best = rank;
    if (best === 0) break;
  }
  return best;
}

// A tier outweighs any sum of word ranks.
const TIER = 1000;

/** 0 when the query is a whole name, email or company; 1 when one starts with it; else 2. */
function tierOf(e: Entry, query: string): number {
  if (query === e.name || query === e.email || query === e.company) return 0;
  return e.name.startsWith(query) || e.email.startsWith(query) || e.company.startsWith(query) ? 1 : 2;
}

/** Lower is better: the tier, then how well each word sits (whole word, word start, inside). */
function rankOf(e: Entry, tier: number, words: string[]): number {
  let sum = 0;
  for (const w of words) {
    const r = wordRank(e.hay, w);
    if (r === -1) return -1;
    sum += r;
  }
  return tier * TIER + sum;
}

/**
 * An in-memory index of every cached contact: substring search over name, email
 * and company, accent-insensitive, ranked exact → prefix → word start → anywhere.
 * All folded entries are joined into one string, so finding candidates is the
 * engine's native substring search rather than a loop over 100k small strings.
 */
export class ContactIndex {
  private readonly entries = new Map<string, Entry>();
  // Rebuilt lazily after a write: the joined text, and where each entry starts in it.
  private list: Entry[] = [];
  private joined = '';
  private starts = new Int32Array(0);
  private dirty = true;

  constructor(contacts: Iterable<ContactSummary> = []) {
    for (const c of contacts) this.upsert(c);
  }

  get size(): number {
    return this.entries.size;
  }

  upsert(contact: ContactSummary): void {
    this.entries.set(contact.email, toEntry(contact));
    this.dirty = true;
  }

  /** The summary of one contact, if cached. */
  get(email: string): ContactSummary | undefined {
    return this.entries.get(email)?.summary;
  }

  remove(email: string): void {
    if (this.entries.delete(email)) this.dirty = true;
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.list = [...this.entries.values()];
    this.starts = new Int32Array(this.list.length);
    let at = 0;
    this.list.forEach((e, i) => {
      this.starts[i] = at;
      at += e.hay.length + 1;
    });
    this.joined = this.list.map((e) => e.hay).join(ROW);
    this.dirty = false;
  }

  /** The entry whose text holds position `pos` of the joined text. */
  private entryAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Best matches first, at most `limit`; every typed word must appear somewhere. */
  search(query: string, limit = 20): ContactSummary[] {
    const q = fold(query)
      // Control characters (a pasted tab or newline) separate words like spaces do.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]/g, ' ')
      .trim()
      .replace(/\s+/g, ' ');
    // Punctuation separates words too: "Smith, John" as CRMs list names, "jane@acme.example"
    // for jane+leads@acme.example. The whole query still ranks an exact name or email first.
    const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0 || limit <= 0) return [];
    this.refresh();
    // The longest word is usually the rarest: it picks the candidates.
    const probe = words.reduce((a, b) => (b.length > a.length ? b : a));
    // A bounded, sorted top list: a one-letter query may match most contacts.
    const top: { rank: number; e: Entry }[] = [];
    for (let pos = this.joined.indexOf(probe); pos !== -1;) {
      const i = this.entryAt(pos);
      const e = this.list[i]!;
      pos = i + 1 < this.starts.length ? this.joined.indexOf(probe, this.starts[i + 1]) : -1;
      const tier = tierOf(e, q);
      // Once the list is full, a lower tier cannot get in: skip the word-by-word ranking.
      if (top.length === limit && tier * TIER > top[limit - 1]!.rank) continue;
      const rank = rankOf(e, tier, words);
      if (rank === -1) continue;
      if (top.length === limit && !before(rank, e, top[limit - 1]!)) continue;
      let at = top.length;
      while (at > 0 && before(rank, e, top[at - 1]!)) at--;
      top.splice(at, 0, { rank, e });
      if (top.length > limit) top.pop();
    }
    return top.map((t) => t.e.summary);
  }
}

function before(rank: number, e: Entry, other: { rank: number; e: Entry }): boolean {
  return rank < other.rank || (rank === other.rank && e.sortKey < other.e.sortKey);
}
