import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import type { TeamVerdict } from '@/lib/domain/team-verdict';
import { loadTeamVerdicts } from '@/lib/team/team-source';
import { createFeedback } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`team-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const team = (over: Partial<TeamVerdict>): TeamVerdict => ({
  id: 'hs-1',
  email: 'ada@lead.example',
  verdict: 'good',
  author: 'Jamie Chen <jamie.chen@brightwave.example>',
  createdAt: '2026-11-02T10:00:00.000Z',
  origin: 'hubspot',
  ...over,
});

describe('the team’s verdicts', () => {
  it('merge the CRM’s with this browser’s own, counting a verdict read back from the CRM once', async () => {
    const own = createFeedback({ id: 'fb-own', email: 'bob@lead.example', author: 'alex.rivera@brightwave.example' });
    await db.feedback.put(own);
    await db.teamVerdicts.bulkPut([
      team({}),
      team({ id: 'fb-own', email: 'bob@lead.example', author: 'Alex Rivera <alex.rivera@brightwave.example>' }),
      team({ id: 'sf-9', origin: 'salesforce' }),
    ]);
    await db.meta.put({ key: 'team:hubspot', asOf: '2026-11-26T10:32:00.000Z' } as never);
    const { verdicts, scope } = await loadTeamVerdicts(db, { source: 'hubspot' });
    expect(verdicts.map((v) => v.id).sort()).toEqual(['fb-own', 'hs-1']);
    expect(scope).toMatchObject({
      verdicts: 2,
      reps: 2,
      from: 'HubSpot',
      asOf: '2026-11-26T10:32:00.000Z',
      me: 'alex.rivera@brightwave.example',
    });
    const mine = await loadTeamVerdicts(db, { source: 'hubspot' }, true);
    expect(mine.verdicts.map((v) => v.id)).toEqual(['fb-own']);
    expect(mine.scope).toMatchObject({ verdicts: 1, reps: 1, onlyMine: true });
  });

  it('on demo data are the demo team’s, with Alex Rivera as "mine"', async () => {
    const { verdicts, scope } = await loadTeamVerdicts(db, { source: 'demo' });
    expect(scope).toMatchObject({ reps: 5, from: 'the demo data', asOf: '2026-11-20T09:00:00.000Z', me: 'alex.rivera@brightwave.example' });
    expect(scope.verdicts).toBeGreaterThan(300);
    expect(verdicts.length).toBeGreaterThan(scope.verdicts);
  });
});
