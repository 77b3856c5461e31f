import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
// The CSV writer of lib/domain/report, imported from its own module so this page does not ship zod.
import { toCsv } from '@/lib/domain/csv';
import type { AttributionModel, ReportDimension, ReportRow } from '@/lib/domain/report-schema';
import type { PageApi } from '@/lib/messaging/page-client';
import type { ReportView } from '@/lib/messaging/protocol';
import { AttributionPicker } from './attribution-picker';
import { DimensionTabs, dimensionLabel } from './dimension-tabs';
import { DrillDown, type DrillDownState } from './drill-down';
import { downloadText } from '../ui/download';
import { periodDays, resolvePeriod, toDayInput, type PeriodChoice } from './period';
import { PeriodPicker } from './period-picker';
import { DEFAULT_SORT, reportColumns, sortRows, type SortState } from './report-columns';
import { ReportTable } from './report-table';
import { SlaTables } from './sla-tables';
import { TeamScopeBar } from './team-scope';
import { TeamSync, type TeamSyncApi } from './team-sync';
import { FeedbackFiles, type FeedbackFilesApi } from './feedback-files';
import { TrendChart, topTrends } from './trend-chart';
import { useKeepReportData } from './use-keep-report-data';
import { PageSection } from '../ui/page-section';
import { errorMessage } from '../ui/error-message';

/** What the report page asks of the background. */
export type ReportApi = Pick<PageApi, 'getReport' | 'getDrillDown' | 'getFeedbackCsv'> &
  Partial<TeamSyncApi & FeedbackFilesApi & Pick<PageApi, 'keepReportData'>>;

const systemNow = () => new Date();

const buttonClass =
  'rounded border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

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
  const [loaded, setLoaded] = useState<{ key: string; view: ReportView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillDownState | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  // The period in force: the choice, unless it is an unfinished custom range (then the last good one).
  const [applied, setApplied] = useState<PeriodChoice>(choice);
  // Read the clock again on every reload (tick), so "last 30 days" moves with the day.
  const asOf = useMemo(() => ({ tick, at: now() }), [now, tick]);
  const period = useMemo(() => resolvePeriod(applied, asOf.at) ?? { from: '', to: '' }, [applied, asOf]);
  const key = `${dimension}|${model}|${onlyMine}|${period.from}|${period.to}`;
  const inForce = periodDays(period);
  const days = choice.kind === 'custom' ? { from: choice.from, to: choice.to } : inForce;

  const latest = useRef<string | null>(null);
  useEffect(() => {
    latest.current = key;
    setError(null);
    api.getReport({ dimension, from: period.from, to: period.to, model, onlyMine }).then(
      (view) => latest.current === key && setLoaded({ key, view }),
      (e: unknown) => latest.current === key && setError(errorMessage(e)),
    );
    // Everything the query reads is in `key`; tick asks again for the same key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, tick]);

  useKeepReportData(api.keepReportData);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setTick((t) => t + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // A drill-down belongs to one period; a new period or grouping closes it.
  const drillFor = useRef<string | null>(null);
  useEffect(() => {
    drillFor.current = null;
    setDrill(null);
  }, [key]);

  const loadDrill = useCallback(
    (row: Pick<ReportRow, 'key' | 'label'>) => {
      const token = `${key}|${row.key}`;
      drillFor.current = token;
      setDrill({ campaignId: row.key, label: row.label, rows: null, error: null });
      api.getDrillDown({ campaignId: row.key, from: period.from, to: period.to, model, onlyMine }).then(
        (rows) => drillFor.current === token && setDrill({ campaignId: row.key, label: row.label, rows, error: null }),
        (e: unknown) =>
          drillFor.current === token && setDrill({ campaignId: row.key, label: row.label, rows: null, error: errorMessage(e) }),
      );
    },
    [api, key, period, model, onlyMine],
  );
  const closeDrill = () => {
    drillFor.current = null;
    setDrill(null);
  };

  const view = loaded && loaded.key === key ? loaded.view : null;
  // The trend and the SLA tables depend on the period only: keep them while another grouping loads.
  const periodView = view ?? (loaded && loaded.key.endsWith(`|${model}|${onlyMine}|${period.from}|${period.to}`) ? loaded.view : null);
  const withHandoffs = !!view?.rows.some((r) => r.handoffs);
  const columns = useMemo(() => reportColumns(dimension, withHandoffs), [dimension, withHandoffs]);
  const rows = useMemo(() => (view ? sortRows(view.rows, columns, sort) : []), [view, columns, sort]);
  const noVerdicts = !!view && view.rows.every((r) => r.verdicts === 0);
  // With a CRM connected, the team's verdicts are read from it.
  const crmFrom = (view ?? loaded?.view)?.scope.from;
  const crm = crmFrom === 'HubSpot' || crmFrom === 'Salesforce' ? crmFrom : null;

  const downloadTable = () => {
    const csv = toCsv(
      rows,
      columns.flatMap((c) => c.csv),
    );
    downloadText(`leadlight-report-${dimension}-${inForce.from}-to-${inForce.to}.csv`, csv);
  };
  const downloadFeedback = () => {
    setExporting(true);
    setExportError(null);
    api
      .getFeedbackCsv()
      .then(
        (csv) => downloadText(`leadlight-feedback-${toDayInput(now())}.csv`, csv),
        (e: unknown) => setExportError(errorMessage(e)),
      )
      .finally(() => setExporting(false));
  };

  const onChoice = (next: PeriodChoice) => {
    setChoice(next);
    if (resolvePeriod(next, now())) setApplied(next);
  };

  let body: ReactNode;
  if (error) {
    body = (
      <div role="alert" data-testid="report-error" className="text-sm text-red-700 dark:text-red-300">
        <p className="font-medium">Could not load the report</p>
        <p className="mt-1 break-words">{error}</p>
        <button
          type="button"
          onClick={() => setTick((t) => t + 1)}
          className="mt-3 rounded border border-red-300 px-3 py-1 font-medium hover:bg-red-50 dark:border-red-700 dark:hover:bg-red-950"
        >
          Retry
        </button>
      </div>
    );
  } else if (!view) {
    body = (
      <p role="status" data-testid="report-loading" className="text-sm text-slate-600 dark:text-slate-300">
        Loading report…
      </p>
    );
  } else {
    body = (
      <>
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
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Lead-quality report</h1>
          {(view ?? loaded?.view) && (
            <p data-testid="report-basis" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              <span className="font-medium text-slate-800 dark:text-slate-100">Data basis:</span> {(view ?? loaded?.view)?.basis}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={downloadTable} disabled={!view || rows.length === 0} className={buttonClass}>
            Download table as CSV
          </button>
          <button type="button" onClick={downloadFeedback} disabled={exporting} className={buttonClass}>
            Download all feedback as CSV
          </button>
        </div>
      </header>
      {exportError && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Could not export the feedback: {exportError}
        </p>
      )}

      {(view ?? loaded?.view) && <TeamScopeBar scope={(view ?? loaded?.view)!.scope} onlyMine={onlyMine} onOnlyMine={setOnlyMine} />}
      {crm && api.syncTeam && api.getTeamSync && <TeamSync api={api as TeamSyncApi} crm={crm} onDone={() => setTick((t) => t + 1)} />}
      {!crm && crmFrom && crmFrom !== 'the demo data' && api.mergeFeedbackFile && (
        <FeedbackFiles api={api as FeedbackFilesApi} onMerged={() => setTick((t) => t + 1)} />
      )}

      <PeriodPicker choice={choice} days={days} onChange={onChoice} />
      <AttributionPicker value={model} onChange={setModel} />

      {periodView && (
        <PageSection id="trend" title="Good-lead rate per campaign over time">
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Per month, for the campaigns with most verdicts in this period. A gap means no verdicts that month.
          </p>
          {topTrends(periodView.trend).length > 0 ? (
            <TrendChart trend={periodView.trend} />
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

      {periodView && (
        <PageSection id="sla" title="Hand-offs against the SLA">
          <SlaTables byOwner={periodView.slaByOwner} byCampaign={periodView.slaByCampaign} />
        </PageSection>
      )}
    </main>
  );
}
