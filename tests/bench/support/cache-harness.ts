// Bundled into an extension page by the cache benchmark: the real database class and
// context assembly, at the scale of a large team's CRM.
import { getContactContext } from '@/lib/db/contact-repository';
import { groupTouches, storedTouch } from '@/lib/db/contact-rows';
import { LeadlightDb, searchTokens } from '@/lib/db/database';
import type { Touch } from '@/lib/domain/campaign';

declare global {
  interface Window {
    __llCache: {
      fill: (
        contacts: number,
        touchesPerContact: number,
        chunk: number,
      ) => Promise<{ contactRowsPerSec: number; touchRowsPerSec: number; allRowsPerSec: number }>;
      lookups: (n: number) => Promise<number[]>;
      clear: () => Promise<void>;
    };
  }
}

const db = new LeadlightDb('leadlight-bench');
let total = 0;
const ASSETS = ['email', 'webinar', 'whitepaper', 'ad', 'event', 'web_page', 'form', 'case_study'];
const email = (i: number) => `person${i}@company${i % 5000}.example`;

window.__llCache = {
  async fill(contacts, perContact, chunk) {
    total = contacts;
    await db.campaigns.bulkPut(
      Array.from({ length: 50 }, (_, i) => ({ id: `cmp-${i}`, name: `Campaign ${i}`, type: 'webinar', status: 'completed' })),
    );
    let t = performance.now();
    for (let start = 0; start < contacts; start += chunk) {
      const rows = [];
      for (let i = start; i < Math.min(contacts, start + chunk); i++) {
        const c = {
          email: email(i),
          name: `Person ${i}`,
          title: 'Director of Operations',
          company: `Company ${i % 5000}`,
          lifecycleStage: 'lead',
          score: i % 100,
        };
        rows.push({ ...c, tokens: searchTokens(c), touches: [] });
      }
      await db.contacts.bulkPut(rows);
    }
    const contactSecs = (performance.now() - t) / 1000;
    t = performance.now();
    const touchTotal = contacts * perContact;
    for (let start = 0; start < touchTotal; start += chunk) {
      const rows: Touch[] = [];
      for (let k = start; k < Math.min(touchTotal, start + chunk); k++) {
        const i = k % contacts;
        const day = String(1 + (k % 28)).padStart(2, '0');
        rows.push({
          id: `t-${k}`,
          email: email(i),
          campaignId: `cmp-${k % 50}`,
          assetName: `Asset ${k % 200}`,
          assetType: ASSETS[k % ASSETS.length]!,
          date: `2026-0${1 + (k % 9)}-${day}T10:00:00.000Z`,
          responseStatus: 'Opened',
          responded: k % 3 === 0,
        });
      }
      await db.contacts.bulkUpdate([...groupTouches(rows)].map(([key, own]) => ({ key, changes: { touches: own.map(storedTouch) } })));
    }
    const touchSecs = (performance.now() - t) / 1000;
    return {
      contactRowsPerSec: contacts / contactSecs,
      touchRowsPerSec: touchTotal / touchSecs,
      allRowsPerSec: (contacts + touchTotal) / (contactSecs + touchSecs),
    };
  },
  async lookups(n) {
    const times: number[] = [];
    for (let j = 0; j < n; j++) {
      const i = (j * 7919) % total;
      const t = performance.now();
      const ctx = await getContactContext(db, email(i));
      times.push(performance.now() - t);
      if (!ctx) throw new Error(`missing ${email(i)}`);
    }
    return times;
  },
  async clear() {
    await db.delete();
  },
};
