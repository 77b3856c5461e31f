import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Persona } from '../domain/persona';
import { CAMPAIGN_SPECS } from './campaigns';
import { generateContact } from './contacts';
import type { GeneratedContact } from './contacts';
import { DEMO_NOW } from './dates';
import { FEATURED_CONTACTS } from './featured';
import { DEMO_PERSONAS } from './personas';
import { createRng } from './random';
import type { Rng } from './random';
import { withSources } from './sources';
import { scripted } from './touches';
import type { DraftTouch } from './touches';

export { DEMO_NOW };

export interface DemoData {
  contacts: Contact[];
  campaigns: Campaign[];
  touches: Touch[];
  personas: Persona[];
}

const SEED = 20261120;
const CONTACT_COUNT = 200;
// Spread through the list so "no history" contacts are not all at the end.
const SILENT_SLOTS = new Set([23, 71, 118, 166]);
const BOOTH_SCAN_SLOT = 0;

const byDate = (a: DraftTouch, b: DraftTouch): number => Date.parse(a.date) - Date.parse(b.date);

/**
 * A vendor-specific lead source the extension has no label for, to prove unknown
 * picklist values survive the pipeline. The badge scan is also a touch, so the
 * contact's history starts where the source says it does.
 */
function boothScanContact(rng: Rng, taken: Set<string>): GeneratedContact {
  const scannedAt = '2026-05-13T11:20:00.000Z';
  return generateContact(rng, taken, {
    originalSource: { channel: 'trade_show_booth_scan', detail: 'Data Summit Berlin 2026 – badge scan at booth B14', date: scannedAt },
    extraTouches: (email) => [scripted(email, 'cmp-005', 'event', scannedAt, 'Responded', 1)],
  });
}

/**
 * The complete demo dataset. Pure and seeded: every call returns the same records,
 * so the extension looks identical on every install and tests can pin exact values.
 */
export function generateDemoData(): DemoData {
  const rng = createRng(SEED);
  const taken = new Set(FEATURED_CONTACTS.map((f) => f.contact.email));

  const featured = FEATURED_CONTACTS.map((f) => {
    const touches = [...f.touches].sort(byDate);
    return { contact: withSources(f.contact, touches), touches };
  });
  const generated: GeneratedContact[] = [];
  for (let slot = 0; generated.length + featured.length < CONTACT_COUNT; slot++) {
    if (slot === BOOTH_SCAN_SLOT) generated.push(boothScanContact(rng, taken));
    else generated.push(generateContact(rng, taken, { silent: SILENT_SLOTS.has(slot) }));
  }

  const all = [...featured, ...generated];
  // Ids follow time so the newest touch has the highest id, as in a real export.
  const touches: Touch[] = all
    .flatMap((c) => c.touches)
    .sort(byDate)
    .map((t, i) => ({ id: `tch-${String(i + 1).padStart(5, '0')}`, ...t }));

  return {
    contacts: all.map((c) => c.contact),
    campaigns: CAMPAIGN_SPECS.map((c) => ({ ...c.campaign })),
    touches,
    personas: structuredClone(DEMO_PERSONAS),
  };
}
