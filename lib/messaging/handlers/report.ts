import { holdReportCache } from '../../db/report-cache';
import { loadReportData } from '../../db/report-source';
import { buildReport, drillDown, feedbackToCsv, goodRateOverTime, slaByCampaign, slaByOwner } from '../../domain/report';
import { slaContext } from '../../settings/sla-context';
import type { HandlerDeps, Handlers } from './deps';

type ReportMessages = 'getReport' | 'keepReportData' | 'getDrillDown' | 'getFeedbackCsv';

/** The closed-loop report for the whole team: rows, trend, SLA tables, drill-down and the feedback export. */
export function reportHandlers({ db, now = () => new Date() }: HandlerDeps): Pick<Handlers, ReportMessages> {
  return {
    getReport: async ({ dimension, from, to, model, onlyMine }) => {
      const [{ data: loaded, scope, settings }, source] = await Promise.all([loadReportData(db, onlyMine), db.meta.get('source')]);
      const period = { from: new Date(from), to: new Date(to) };
      const context = slaContext(settings, now());
      // Hand-offs are judged only against an SLA the team set (or the demo's own).
      const sla = context.configured ? context.settings : undefined;
      const data = { ...loaded, workedStatuses: context.worked };
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
    // The message itself keeps the worker running; holding on tells the cache it is still wanted.
    keepReportData: async () => holdReportCache(db),
    getDrillDown: async ({ campaignId, from, to, model, onlyMine }) => {
      const { data } = await loadReportData(db, onlyMine);
      return drillDown(campaignId, { ...data, model, period: { from: new Date(from), to: new Date(to) } });
    },
    getFeedbackCsv: async () => {
      const { data } = await loadReportData(db);
      return { csv: feedbackToCsv(data.feedback, data.contacts, data.reasons) };
    },
  };
}
