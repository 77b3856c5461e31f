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
import { salesActivitiesFor } from './sales-activities';
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
// Activities draw from their own sequence, so adding them left every contact as it was.
const ACTIVITY_SEED = 20261121;
// Enough leads that a year and a half of verdicts gives each campaign a rate worth reading.
const CONTACT_COUNT = 600;
// Spread through the list so "no history" contacts are not all at the end.
const SILENT_SLOTS = new Set([23, 71, 118, 166, 290, 431, 555]);
const BOOTH_SCAN_SLOT = 0;

/**
 * Hand-offs in the last working hours before DEMO_NOW (Friday 09:00 in London), so
 * the demo has leads still within their four business hours: two due soon, two on time.
 * No rep has judged them yet (lib/demo/team-verdicts.ts skips them).
 */
export const RECENT_HANDOFFS: readonly string[] = [
  '2026-11-19T13:30:00.000Z',
  '2026-11-19T13:50:00.000Z',
  '2026-11-19T15:00:00.000Z',
  '2026-11-20T07:40:00.000Z',
];

/** Moves the hand-off of the last few new MQLs into the recent past; they wait for a first touch. */
function withRecentHandoffs(generated: GeneratedContact[]): Set<string> {
  const waiting = generated
    .filter((g) => g.contact.lifecycleStage === 'mql' && g.contact.owner && g.touches.length > 0)
    .slice(-RECENT_HANDOFFS.length);
  waiting.forEach((g, i) => {
    g.contact = { ...g.contact, leadStatus: 'new', handoffAt: RECENT_HANDOFFS[i] };
  });
  return new Set(waiting.map((g) => g.contact.email));
}

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

  const waiting = withRecentHandoffs(generated);

  const all = [...featured, ...generated];
  // Ids follow time so the newest touch has the highest id, as in a real export.
  const touches: Touch[] = all
    .flatMap((c) => c.touches)
    .sort(byDate)
    .map((t, i) => ({ id: `tch-${String(i + 1).padStart(5, '0')}`, ...t }));
  const activityRng = createRng(ACTIVITY_SEED);
  const scriptedActivities = new Map(FEATURED_CONTACTS.map((f) => [f.contact.email, f.activities ?? []]));
  for (const email of waiting) scriptedActivities.set(email, []);
  const activities: Touch[] = all
    .flatMap((c) => scriptedActivities.get(c.contact.email) ?? salesActivitiesFor(activityRng, c.contact))
    .sort(byDate)
    .map((t, i) => ({ id: `act-${String(i + 1).padStart(5, '0')}`, ...t }));

  return {
    contacts: all.map((c) => c.contact),
    campaigns: CAMPAIGN_SPECS.map((c) => ({ ...c.campaign })),
    touches: [...touches, ...activities],
    personas: structuredClone(DEMO_PERSONAS),
  };
}
