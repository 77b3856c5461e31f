import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '@/lib/connectors/connector';
import { ConnectorError } from '@/lib/connectors/errors';
import { LeadlightDb } from '@/lib/db/database';
import type { TeamVerdict } from '@/lib/domain/team-verdict';
import { loadTeamVerdicts } from '@/lib/team/team-source';
import { syncTeamVerdicts, teamSyncState } from '@/lib/team/team-sync';
import { createContact } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`team-sync-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const settings = { cacheTtlMinutes: 60, cacheMaxContacts: 20_000 };
const verdict = (i: number, author = 'Jamie Chen <jamie.chen@brightwave.example>'): TeamVerdict => ({
  id: `fb-${i}`,
  email: `lead${i}@example.com`,
  verdict: i % 2 ? 'good' : 'bad',
  ...(i % 2 ? {} : { reasonId: 'no_budget' }),
  author,
  createdAt: '2026-11-02T10:00:00.000Z',
  origin: 'hubspot',
});

function crm(read: () => Promise<TeamVerdict[]>, fetched: string[] = []): Connector {
  return {
    id: 'hubspot',
    label: 'HubSpot',
    readTeamVerdicts: async (progress) => {
      progress?.({ read: 1, total: 2 });
      return read();
    },
    fetchContact: async (email) => {
      fetched.push(email);
      return { contact: createContact({ email }), campaigns: [], touches: [] };
    },
  };
}

describe('reading the team’s verdicts from the CRM', () => {
  it('replaces the last read, records when, and fetches the contacts the cache lacks, at most 50 a run', async () => {
    await db.teamVerdicts.put({ ...verdict(999), id: 'deleted-in-crm' });
    const fetched: string[] = [];
    const many = Array.from({ length: 80 }, (_, i) => verdict(i, i % 2 ? 'Alex <alex@b.example>' : undefined));
    const at = new Date('2026-11-26T10:32:00.000Z');
    const state = await syncTeamVerdicts(
      db,
      crm(async () => many, fetched),
      settings,
      { now: () => at },
    );
    expect(state).toMatchObject({ running: false, read: 1, total: 2, joined: 50 });
    expect(fetched).toHaveLength(50);
    expect(await db.teamVerdicts.get('deleted-in-crm')).toBeUndefined();
    const { scope } = await loadTeamVerdicts(db, { source: 'hubspot' });
    expect(scope).toMatchObject({ verdicts: 80, reps: 2, from: 'HubSpot', asOf: '2026-11-26T10:32:00.000Z' });
  });

  it('does not read again within 15 minutes unless asked', async () => {
    let reads = 0;
    const connector = crm(async () => {
      reads += 1;
      return [verdict(1)];
    });
    const t0 = Date.parse('2026-11-26T10:00:00.000Z');
    await syncTeamVerdicts(db, connector, settings, { now: () => new Date(t0) });
    await syncTeamVerdicts(db, connector, settings, { now: () => new Date(t0 + 14 * 60_000) });
    expect(reads).toBe(1);
    await syncTeamVerdicts(db, connector, settings, { now: () => new Date(t0 + 14 * 60_000), force: true });
    expect(reads).toBe(2);
    await syncTeamVerdicts(db, connector, settings, { now: () => new Date(t0 + 30 * 60_000) });
    expect(reads).toBe(3);
  });

  it('a failing CRM keeps the verdicts last read and says why', async () => {
    await syncTeamVerdicts(
      db,
      crm(async () => [verdict(1), verdict(2)]),
      settings,
      { now: () => new Date('2026-11-26T10:00:00.000Z') },
    );
    const failing = crm(async () => {
      throw new ConnectorError('rate_limited', 'HubSpot asked Leadlight to slow down; trying again shortly.');
    });
    const state = await syncTeamVerdicts(db, failing, settings, { force: true });
    expect(state).toMatchObject({ running: false, error: 'HubSpot asked Leadlight to slow down; trying again shortly.' });
    expect(await db.teamVerdicts.count()).toBe(2);
    expect(teamSyncState(db).error).toContain('slow down');
  });
});
