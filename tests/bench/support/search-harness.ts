// Bundled into an extension page by the search benchmark: the real database class,
// write follower and index, at the scale of a large team's CRM.
import { searchContacts, warmContactIndex } from '@/lib/db/contact-search';
import { contactRow } from '@/lib/db/contact-rows';
import { LeadlightDb } from '@/lib/db/database';

declare global {
  interface Window {
    __llSearch: {
      fill: (contacts: number) => Promise<void>;
      build: () => Promise<number>;
      queries: (queries: string[], rounds: number) => Promise<number[]>;
      clear: () => Promise<void>;
    };
  }
}

const FIRST = ['Priya', 'Daniel', 'Jonas', 'Zoë', 'Ana', 'Kim', 'Søren', 'Amélie', 'Tomás', 'Grace', 'Olu', 'Mei', 'Ravi', 'Lena'];
const LAST = ['Raman', 'Kim', 'Müller', 'Sousa', 'Núñez', 'Hopper', 'Okafor', 'Lindqvist', 'Dubois', 'Chen', 'Iyer', 'Nowak'];
const WORDS = ['Corvid', 'Helix', 'Northwind', 'Fjord', 'Alpen', 'Brightwave', 'Kestrel', 'Saffron', 'Tidal', 'Quarry'];
const KINDS = ['Retail', 'Bio', 'Logistics', 'Labs', 'Systems', 'Foods'];

const db = new LeadlightDb('leadlight-bench-search');

window.__llSearch = {
  async fill(n) {
    const CHUNK = 5_000;
    for (let start = 0; start < n; start += CHUNK) {
      const rows = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        const first = FIRST[i % FIRST.length]!;
        const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
        const word = WORDS[i % WORDS.length]!;
        const kind = KINDS[Math.floor(i / 7) % KINDS.length]!;
        const domain = `${word}${kind}${i % 9000}`.toLowerCase();
        const c = {
          email: `${first}.${last}.${i}@${domain}.example`.toLowerCase(),
          name: `${first} ${last}`,
          title: 'Director of Operations',
          company: `${word} ${kind} ${i % 9000}`,
        };
        // Ten touches in the row, as a real cache holds them: the index build reads whole rows.
        const touches = Array.from({ length: 10 }, (_, k) => ({
          id: `t-${i}-${k}`,
          email: c.email,
          campaignId: `cmp-${k}`,
          assetName: `Asset ${k}`,
          assetType: 'email',
          date: '2026-03-01T10:00:00.000Z',
          responseStatus: 'Opened',
          responded: false,
        }));
        rows.push(contactRow(c, touches));
      }
      await db.contacts.bulkPut(rows);
    }
  },
  async build() {
    const t = performance.now();
    warmContactIndex(db);
    await searchContacts(db, 'warm');
    return performance.now() - t;
  },
  async queries(queries, rounds) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now();
        await searchContacts(db, q);
        times.push(performance.now() - t);
      }
    }
    return times;
  },
  async clear() {
    await db.delete();
  },
};
