import type { Contact } from '../domain/contact';
import { DAY_MS, DEMO_NOW_MS, HOUR_MS, iso } from './dates';
import type { Rng } from './random';
import type { DraftTouch } from './touches';

type Qualification = Pick<Contact, 'score' | 'lifecycleStage' | 'leadStatus' | 'owner' | 'handoffAt'>;

const HANDED_OVER = new Set(['mql', 'sql', 'opportunity', 'customer']);

// Lead status only moves once sales works the lead, so it follows the stage.
const STATUS_BY_STAGE: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  subscriber: [['new', 1]],
  lead: [
    ['new', 4],
    ['open', 3],
    ['unqualified', 1],
  ],
  mql: [
    ['new', 2],
    ['open', 3],
    ['attempting_contact', 3],
  ],
  sql: [
    ['in_progress', 2],
    ['connected', 3],
  ],
  opportunity: [
    ['connected', 3],
    ['in_progress', 1],
  ],
  customer: [['connected', 1]],
};

function stageFor(rng: Rng, score: number): string {
  if (score >= 75)
    return rng.weighted([
      ['sql', 3],
      ['opportunity', 2],
      ['customer', 1],
    ]);
  if (score >= 60)
    return rng.weighted([
      ['mql', 3],
      ['sql', 1],
    ]);
  if (score >= 40)
    return rng.weighted([
      ['lead', 4],
      ['mql', 1],
    ]);
  if (score >= 18)
    return rng.weighted([
      ['lead', 2],
      ['subscriber', 1],
    ]);
  return 'subscriber';
}

/**
 * Score, stage, status, owner and hand-off date in the way a marketing-automation
 * tool would arrive at them: title fit plus responses, with some noise, so a high
 * score usually (not always) means a well-matched, engaged contact.
 */
export function qualify(rng: Rng, fit: 0 | 1 | 2, touches: readonly DraftTouch[], owners: readonly string[]): Qualification {
  const responses = touches.filter((t) => t.responded).length;
  const raw = Math.round(fit * 15 + Math.min(responses, 10) * 3.5 + Math.min(touches.length, 15) * 0.8) + rng.int(-8, 8);
  const score = Math.max(0, Math.min(100, raw));
  const stage = stageFor(rng, score);
  const out: Qualification = {
    score,
    lifecycleStage: stage,
    leadStatus: rng.weighted(STATUS_BY_STAGE[stage] ?? [['new', 1]]),
  };
  // Subscribers still belong to marketing; everyone further along has a rep.
  if (stage !== 'subscriber') out.owner = rng.pick(owners);
  if (HANDED_OVER.has(stage) && touches.length > 0) {
    // Hand-off follows a response in the second half of the history, as a scoring threshold would.
    const recent = touches.slice(Math.floor(touches.length / 2));
    const trigger = rng.pick(recent.filter((t) => t.responded).length > 0 ? recent.filter((t) => t.responded) : recent);
    const at = Date.parse(trigger.date) + rng.int(2, 48) * HOUR_MS;
    out.handoffAt = iso(Math.min(at, DEMO_NOW_MS - DAY_MS));
  }
  return out;
}
