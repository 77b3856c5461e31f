import { useEffect, useMemo, useState, type ReactNode } from 'react';
// The CSV writer of lib/domain/report, imported from its own module so this page does not ship zod.
import { toCsv } from '@/lib/domain/csv';
import type { AttributionModel, ReportDimension } from '@/lib/domain/report-schema';
import type { PageApi } from '@/lib/messaging/page-client';
import { AttributionPicker } from './attribution-picker';
import { DimensionTabs, dimensionLabel } from './dimension-tabs';
import { DrillDown } from './drill-down';
import { downloadText } from '../ui/download';
import { periodDays, resolvePeriod, type PeriodChoice } from './period';
import { PeriodPicker } from './period-picker';
import { DEFAULT_SORT, reportColumns, sortRows, type SortState } from './report-columns';
import { ReportTable } from './report-table';
import { SlaTables } from './sla-tables';
import { TeamScopeBar } from './team-scope';
import { TeamSync, type TeamSyncApi } from './team-sync';
import { FeedbackFiles, type FeedbackFilesApi } from './feedback-files';
import { TrendChart, topTrends } from './trend-chart';
import { useDrillDown } from './use-drill-down';
import { useKeepReportData } from './use-keep-report-data';
import { useReportView } from './use-report-view';
import { ReportError, StaleReportStatus } from './report-freshness';
import { ReportHeader } from './report-header';
import { PageSection } from '../ui/page-section';

/** What the report page asks of the background. */
export type ReportApi = Pick<PageApi, 'getReport' | 'getDrillDown' | 'getFeedbackCsv'> &
  Partial<TeamSyncApi & FeedbackFilesApi & Pick<PageApi, 'keepReportData' | 'getLastReport'>>;

const systemNow = () => new Date();
const dayOf = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

/**
 * The marketer's closed-loop report: per campaign, source, persona or asset, how
 * many leads sales judged and how many it called good, why the rest were turned
 * away, the trend per campaign, and hand-offs against the SLA.
 */
export function ReportApp({ api, now = systemNow }: { api: ReportApi; now?: () => Date }) {
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'preset', preset: 'last90' });
  const [dimension, setDimension] = useState<ReportDimension>('campaign');
  const [model, setModel] = useState<AttributionModel>('any');
  const [onlyMine, setOnlyMine] = useState(false);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  // Bumped to load again (retry, or the tab coming back into view) without changing the query.
  const [tick, setTick] = useState(0);

  // The period in force: the choice, unless it is an unfinished custom range (then the last good one).
  const [applied, setApplied] = useState<PeriodChoice>(choice);
  // Read the clock again on every reload (tick), so "last 30 days" moves with the day.
  const asOf = useMemo(() => ({ tick, at: now() }), [now, tick]);
  // The demo stands still at its own today, which its report names: periods are measured from it.
  const [dataToday, setDataToday] = useState<string | undefined>(undefined);
  const period = useMemo(() => resolvePeriod(applied, asOf.at, dayOf(dataToday)) ?? { from: '', to: '' }, [applied, asOf, dataToday]);
  const key = `${dimension}|${model}|${onlyMine}|${period.from}|${period.to}`;
  const inForce = periodDays(period);
  const days = choice.kind === 'custom' ? { from: choice.from, to: choice.to } : inForce;

  const { loaded, error } = useReportView(api, { dimension, from: period.from, to: period.to, model, onlyMine }, key, tick);
  // Until the first report comes the page cannot know it is the demo's; it then asks again for the
  // demo's period, set here while rendering so the other period's figures are never shown.
  if (loaded && loaded.view.today !== dataToday) setDataToday(loaded.view.today);
  const { drill, open: loadDrill, close: closeDrill } = useDrillDown(api, key, { from: period.from, to: period.to, model, onlyMine });

  useKeepReportData(api.keepReportData);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setTick((t) => t + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const view = loaded && loaded.key === key ? loaded.view : null;
  // The trend and the SLA tables do not depend on the grouping: keep them while another grouping loads.
  const periodView = view ?? (loaded && loaded.key.endsWith(`|${model}|${onlyMine}|${period.from}|${period.to}`) ? loaded.view : null);
  // Another model, scope or period: the last trend and SLA tables stay, marked as updating, until the new
  // ones come, rather than vanishing and pulling the grouping tabs up under the pointer. Gone if that fails.
  const chartView = periodView ?? (error ? null : (loaded?.view ?? null));
  const chartUpdating = !periodView && !!chartView;
  const withHandoffs = !!view?.rows.some((r) => r.handoffs);
  const columns = useMemo(() => reportColumns(dimension, withHandoffs), [dimension, withHandoffs]);
  const rows = useMemo(() => (view ? sortRows(view.rows, columns, sort) : []), [view, columns, sort]);
  const noVerdicts = !!view && view.rows.every((r) => r.verdicts === 0);
  // With a CRM connected, the team's verdicts are read from it.
  const crmFrom = (view ?? loaded?.view)?.scope.from;
  const crm = crmFrom === 'HubSpot' || crmFrom === 'Salesforce' ? crmFrom : null;
  // The last kept report, shown (table, trend or SLA tables) until the fresh one arrives.
  const staleAt = loaded?.computedAt && (view ?? periodView) ? loaded.computedAt : null;
  const retry = () => setTick((t) => t + 1);

  const downloadTable = () => {
    const csv = toCsv(
      rows,
      columns.flatMap((c) => c.csv),
    );
    downloadText(`leadlight-report-${dimension}-${inForce.from}-to-${inForce.to}.csv`, csv);
  };
  const onChoice = (next: PeriodChoice) => {
    setChoice(next);
    if (resolvePeriod(next, now(), dayOf(dataToday))) setApplied(next);
  };

  const errorNote = error && <ReportError error={error} staleAt={view && staleAt} now={asOf.at} onRetry={retry} />;
  let body: ReactNode;
  // A fresh report that failed hides the figures it could not bring up to date, unless they are labelled with their time.
  if (errorNote && !(view && staleAt)) {
    body = errorNote;
  } else if (!view) {
    body = (
      <p role="status" data-testid="report-loading" className="text-sm text-slate-600 dark:text-slate-300">
        Loading report…
      </p>
    );
  } else {
    body = (
      <>
        {errorNote}
        {noVerdicts && (
          <p data-testid="report-empty" className="mb-3 rounded bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
            <span className="font-medium">No verdicts in this period yet.</span> Reps give them from the Leadlight sidebar in Gmail; pick a
            longer period to see older ones.
          </p>
        )}
        {rows.length > 0 && (
          <ReportTable
            rows={rows}
            columns={columns}
            sort={sort}
            onSort={setSort}
            caption={`Lead quality by ${dimensionLabel(dimension).toLowerCase()}, ${inForce.from} to ${inForce.to}`}
            onOpenRow={dimension === 'campaign' ? (row) => (drill?.campaignId === row.key ? closeDrill() : loadDrill(row)) : undefined}
            openKey={drill?.campaignId}
          />
        )}
        {dimension === 'campaign' && rows.length > 0 && !drill && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">Choose a campaign to see the contacts behind it.</p>
        )}
        {drill && <DrillDown state={drill} onClose={closeDrill} onRetry={() => loadDrill({ key: drill.campaignId, label: drill.label })} />}
      </>
    );
  }

  return (
    <main className="mx-auto max-w-6xl p-6 text-slate-900 dark:text-slate-100">
      <ReportHeader
        basis={(view ?? loaded?.view)?.basis}
        table={view && !staleAt && rows.length > 0 ? downloadTable : undefined}
        waitingForFresh={!!staleAt}
        getFeedbackCsv={api.getFeedbackCsv}
        rep={(view ?? loaded?.view)?.scope.me}
        now={now}
      />
      {staleAt && !(error && view) && <StaleReportStatus computedAt={staleAt} updating={!error} now={asOf.at} />}

      {(view ?? loaded?.view) && <TeamScopeBar scope={(view ?? loaded?.view)!.scope} onlyMine={onlyMine} onOnlyMine={setOnlyMine} />}
      {crm && api.syncTeam && api.getTeamSync && <TeamSync api={api as TeamSyncApi} crm={crm} onDone={retry} />}
      {!crm && crmFrom && crmFrom !== 'the demo data' && api.mergeFeedbackFile && (
        <FeedbackFiles api={api as FeedbackFilesApi} onMerged={retry} />
      )}

      <PeriodPicker choice={choice} days={days} onChange={onChoice} />
      <AttributionPicker value={model} onChange={setModel} />

      {chartView && (
        <PageSection id="trend" title="Good-lead rate per campaign over time" busy={chartUpdating}>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Per month, for the campaigns with most verdicts in this period. A gap means no verdicts that month.
          </p>
          {topTrends(chartView.trend).length > 0 ? (
            <TrendChart trend={chartView.trend} />
          ) : (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No verdicts to chart in this period.</p>
          )}
        </PageSection>
      )}

      <section aria-labelledby="quality-heading" className="mt-8">
        <h2 id="quality-heading" className="text-lg font-semibold">
          Lead quality by {dimensionLabel(dimension).toLowerCase()}
        </h2>
        <DimensionTabs value={dimension} onChange={setDimension}>
          {body}
        </DimensionTabs>
      </section>

      {chartView && (
        <PageSection id="sla" title="Hand-offs against the SLA" busy={chartUpdating}>
          <SlaTables byOwner={chartView.slaByOwner} byCampaign={chartView.slaByCampaign} />
        </PageSection>
      )}
    </main>
  );
}
