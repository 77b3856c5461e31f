import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { loadReasons, saveReasons } from '@/lib/db/definitions-repository';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { createFeedback } from '../factories';

const REASONS: ReasonDefinition[] = [
  { id: 'right_persona', verdict: 'good', group: 'good', label: 'Right persona' },
  { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget' },
  { id: 'wrong_region', verdict: 'bad', group: 'rejection', label: 'Wrong region' },
];

let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`reasons-${crypto.randomUUID()}`);
  await saveReasons(db, REASONS);
});
afterEach(() => db.delete());

describe('saving the reason list', () => {
  it('refuses to delete a reason only a teammate’s verdict uses, as it refuses one of this browser’s', async () => {
    // A marketer merged a rep's feedback file; she gives no verdicts herself.
    await db.teamVerdicts.put({
      id: 'fb-jamie-1',
      email: 'maya.okafor@northwind-logistics.example',
      verdict: 'bad',
      reasonId: 'wrong_region',
      author: 'Jamie Chen <jamie.chen@brightwave.example>',
      createdAt: '2026-11-18T10:00:00.000Z',
      origin: 'file',
      file: 'leadlight-feedback-jamie.chen-2026-11-18.csv',
    });
    await expect(saveReasons(db, REASONS.slice(0, 2))).rejects.toThrow('Feedback uses “Wrong region”: retire it instead of deleting it.');
    expect(await loadReasons(db)).toEqual(REASONS);
    await expect(saveReasons(db, [...REASONS.slice(0, 2), { ...REASONS[2]!, retired: true }])).resolves.toHaveLength(3);
  });

  it('refuses to turn a reason in use from a bad-lead into a good-lead one, and allows moving it between bad groups', async () => {
    await db.feedback.put(createFeedback({ verdict: 'bad', reasonId: 'no_budget' }));
    const turned = REASONS.map((r) => (r.id === 'no_budget' ? { ...r, verdict: 'good' as const, group: 'good' as const } : r));
    await expect(saveReasons(db, turned)).rejects.toThrow(
      'Feedback uses “No budget” as a bad-lead reason: add a new reason instead of changing its verdict.',
    );
    expect(await loadReasons(db)).toEqual(REASONS);
    const regrouped = REASONS.map((r) => (r.id === 'no_budget' ? { ...r, group: 'rejection' as const } : r));
    await expect(saveReasons(db, regrouped)).resolves.toEqual(regrouped);
  });
});
