import { prepareReportData, type ReportData } from '../domain/report';
import { loadSettings, type Settings } from '../settings/settings';
import { loadTeamVerdicts, type TeamScope } from '../team/team-source';
import { loadContactsAndTouches } from './contact-repository';
import type { LeadlightDb } from './database';
import { loadReasons } from './definitions-repository';
import { cachedForReport } from './report-cache';

/**
 * The cache, the team's verdicts and this rep's own, as one dataset for the report,
 * with its touches indexed once. Both are kept in memory while the data stays as it
 * is (see report-cache.ts), so another grouping, period or drill-down computes from
 * memory instead of reading every contact row again.
 */
export async function loadReportData(
  db: LeadlightDb,
  onlyMine = false,
): Promise<{ data: ReportData; scope: TeamScope; settings: Settings }> {
  const settings = await loadSettings(db);
  const [base, team] = await Promise.all([
    cachedForReport(db, 'records', () => readRecords(db)),
    cachedForReport(db, `verdicts:${onlyMine}`, () => loadTeamVerdicts(db, settings, onlyMine)),
  ]);
  // The index does not cover verdicts, so the team's and only this rep's share it.
  return { data: { ...base, feedback: team.verdicts }, scope: team.scope, settings };
}

async function readRecords(db: LeadlightDb) {
  const [{ contacts, touches }, campaigns, personas, reasons, observed] = await Promise.all([
    loadContactsAndTouches(db),
    db.campaigns.toArray(),
    db.personas.toArray(),
    loadReasons(db),
    db.observedTouches.toArray(),
  ]);
  return prepareReportData({ contacts, touches, campaigns, personas, reasons, observed });
}
