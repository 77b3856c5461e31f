import { loadContactsAndTouches } from '../../db/contact-repository';
import { loadReasons } from '../../db/definitions-repository';
import type { LeadlightDb } from '../../db/database';
import {
  buildReport,
  drillDown,
  feedbackToCsv,
  goodRateOverTime,
  prepareReportData,
  slaByCampaign,
  slaByOwner,
  type ReportData,
} from '../../domain/report';
import { slaContext } from '../../settings/sla-context';
import { loadSettings } from '../../settings/settings';
import { loadTeamVerdicts } from '../../team/team-source';
import type { HandlerDeps, Handlers } from './deps';

type ReportMessages = 'getReport' | 'getDrillDown' | 'getFeedbackCsv';

/** The cache, the team's verdicts and this rep's own, as one dataset for the report. */
async function reportData(db: LeadlightDb, onlyMine = false) {
  const settings = await loadSettings(db);
  const [{ contacts, touches }, campaigns, team, personas, reasons, observed] = await Promise.all([
    loadContactsAndTouches(db),
    db.campaigns.toArray(),
    loadTeamVerdicts(db, settings, onlyMine),
    db.personas.toArray(),
    loadReasons(db),
    db.observedTouches.toArray(),
  ]);
  const data: ReportData = { contacts, touches, campaigns, feedback: team.verdicts, personas, reasons, observed };
  return { data, scope: team.scope, settings };
}

/** The closed-loop report for the whole team: rows, trend, SLA tables, drill-down and the feedback export. */
export function reportHandlers({ db, now = () => new Date() }: HandlerDeps): Pick<Handlers, ReportMessages> {
  return {
    getReport: async ({ dimension, from, to, model, onlyMine }) => {
      const [{ data: loaded, scope, settings }, source] = await Promise.all([reportData(db, onlyMine), db.meta.get('source')]);
      const period = { from: new Date(from), to: new Date(to) };
      const context = slaContext(settings, now());
      // Hand-offs are judged only against an SLA the team set (or the demo's own).
      const sla = context.configured ? context.settings : undefined;
      // One index of the touches for the rows, the trend and both SLA tables.
      const data = prepareReportData({ ...loaded, workedStatuses: context.worked });
      return {
        rows: buildReport({ ...data, period, dimension, model, slaSettings: sla, now: context.now }),
        trend: goodRateOverTime({ ...data, period, bucket: 'month', timeZone: sla?.timeZone, model, now: context.now }).map((t) => ({
          ...t,
          series: t.series.map((p) => ({ ...p, bucketStart: p.bucketStart.toISOString() })),
        })),
        slaByOwner: sla ? slaByOwner({ ...data, settings: sla, now: context.now, period }) : null,
        slaByCampaign: sla ? slaByCampaign({ ...data, settings: sla, now: context.now, period }) : null,
        basis: `Computed in this browser from ${source?.name ?? 'the cache'} and the verdicts of ${scope.from}`,
        scope,
        model,
      };
    },
    getDrillDown: async ({ campaignId, from, to, model, onlyMine }) => {
      const { data } = await reportData(db, onlyMine);
      return drillDown(campaignId, { ...data, model, period: { from: new Date(from), to: new Date(to) } });
    },
    getFeedbackCsv: async () => {
      const { data } = await reportData(db);
      return { csv: feedbackToCsv(data.feedback, data.contacts, data.reasons) };
    },
  };
}
