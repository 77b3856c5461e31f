import { holdReportCache } from '../../db/report-cache';
import { loadReportData } from '../../db/report-source';
import { keepReportView, lastReportView, reportDataStamp } from '../../db/report-views';
import { buildReport, drillDown, feedbackToCsv, goodRateOverTime, slaByCampaign, slaByOwner } from '../../domain/report';
import type { ReportView } from '../../domain/report-view';
import { slaContext } from '../../settings/sla-context';
import type { HandlerDeps, Handlers } from './deps';

type ReportMessages = 'getReport' | 'getLastReport' | 'keepReportData' | 'getDrillDown' | 'getFeedbackCsv';

/**
 * The period picker cuts its days in the page's zone, the browser's: the trend's months
 * follow the same calendar, whatever zone an SLA counts business hours in. Read per
 * report, so a zone changed since the worker started is seen.
 */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The closed-loop report for the whole team: rows, trend, SLA tables, drill-down and the feedback export. */
export function reportHandlers({ db, now = () => new Date() }: HandlerDeps): Pick<Handlers, ReportMessages> {
  return {
    getReport: async (q) => {
      const { dimension, from, to, model, onlyMine } = q;
      // Read before the data: a view of data replaced meanwhile is then kept under the old stamp, never shown for the new.
      const stamp = await reportDataStamp(db, onlyMine);
      const [{ data: loaded, scope, settings }, source] = await Promise.all([loadReportData(db, onlyMine), db.meta.get('source')]);
      const period = { from: new Date(from), to: new Date(to) };
      const context = slaContext(settings, now());
      // Hand-offs are judged only against an SLA the team set (or the demo's own).
      const sla = context.configured ? context.settings : undefined;
      const data = { ...loaded, workedStatuses: context.worked };
      const view: ReportView = {
        rows: buildReport({ ...data, period, dimension, model, slaSettings: sla, now: context.now }),
        trend: goodRateOverTime({ ...data, period, bucket: 'month', timeZone: browserTimeZone(), model, now: context.now }).map((t) => ({
          ...t,
          series: t.series.map((p) => ({ ...p, bucketStart: p.bucketStart.toISOString() })),
        })),
        slaByOwner: sla ? slaByOwner({ ...data, settings: sla, now: context.now, period }) : null,
        slaByCampaign: sla ? slaByCampaign({ ...data, settings: sla, now: context.now, period }) : null,
        basis: `Computed in this browser from ${source?.name ?? 'the cache'} and the verdicts of ${scope.from}`,
        scope,
        model,
        ...(settings.source === 'demo' ? { today: context.now.toISOString() } : {}),
      };
      const computedAt = now();
      // Once the answer is on its way: the page waits for it, the copy for the next opening can wait.
      setTimeout(() => {
        keepReportView(db, q, stamp, view, computedAt).catch((e: unknown) =>
          console.warn('Leadlight could not keep the report for its next opening', e),
        );
      }, 0);
      return view;
    },
    getLastReport: (q) => lastReportView(db, q),
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
