import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { PageApi } from '@/lib/messaging/page-client';
import type { CacheStatus, ListedFeedback } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { DangerZone } from './danger-zone';
import { DataSourcePanel } from './data-source-panel';
import { DiagnosticsView } from './diagnostics-view';
import { FieldIssuesView } from './field-issues-view';
import { FeedbackTable } from './feedback-table';
import { SlaSettings } from './sla-settings';
import { WorkedStatuses } from './worked-statuses';
import { ImportPanel } from './import-panel';
import { PersonaEditor } from './personas/persona-editor';
import { ReasonEditor } from './reasons/reason-editor';
import { BrandMark } from '../ui/brand-mark';
import { RepIdentity } from './rep-identity';
import { PageSection } from '../ui/page-section';
import { errorMessage } from '../ui/error-message';
import { SettingsRepairs } from './settings-repairs';
import type { SettingsRepair } from '@/lib/settings/settings';

/** Settings page: where the data comes from, every verdict reps have given, diagnostics. */
export function OptionsApp({ api }: { api: PageApi }) {
  const [status, setStatus] = useState<CacheStatus | null>(null);
  const [feedback, setFeedback] = useState<ListedFeedback[] | null>(null);
  const [reasons, setReasons] = useState<ReasonDefinition[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [repairs, setRepairs] = useState<SettingsRepair[] | undefined>();
  // Bumped on every reload, so panels showing settings re-read them (an import switches the source).
  const [version, setVersion] = useState(0);

  // A section saved follows the repairs its save kept, so the notice goes once the setting is fixed.
  const sectionApi = useMemo<PageApi>(
    () => ({
      ...api,
      saveSettings: async (patch) => {
        const view = await api.saveSettings(patch);
        setRepairs(view.settings.repairs);
        return view;
      },
    }),
    [api],
  );

  const load = useCallback(() => {
    Promise.all([
      api.getStatus(),
      api.listFeedback(),
      api.getReasons().catch(() => undefined),
      api.getSettings().then(
        (v) => v.settings.repairs,
        () => undefined,
      ),
    ]).then(
      ([s, f, r, repaired]) => {
        setStatus(s);
        setFeedback(f);
        setReasons(r);
        setRepairs(repaired);
        setError(null);
        setVersion((v) => v + 1);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [api]);

  useEffect(() => {
    load();
    // Reps often give feedback in Gmail with this page open in another tab.
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  const act = (action: () => Promise<unknown>) => void action().then(load, (e: unknown) => setError(errorMessage(e)));

  return (
    <main className="mx-auto max-w-4xl p-6 text-slate-900 dark:text-slate-100">
      <h1 className="flex items-center gap-2 text-2xl font-semibold">
        <BrandMark size={32} />
        Leadlight
      </h1>
      <p className="text-sm">
        <a href="/privacy.html" className="text-sky-700 underline dark:text-sky-300">
          Privacy: what Leadlight reads, stores and sends
        </a>
      </p>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <SettingsRepairs repairs={repairs} />
      <PageSection id="data" title="Data source">
        {status && (
          <p data-testid="options-status" className="mt-1 text-sm">
            {status.sourceName} · {status.contactCount.toLocaleString('en-US')} contacts · data as of{' '}
            {formatDateTime(status.dataAsOf) || 'never'}
          </p>
        )}
        <DataSourcePanel api={api} version={version} importPanel={<ImportPanel api={api} onImported={load} />} onChanged={load} />
      </PageSection>
      <PageSection id="you" title="You">
        <RepIdentity api={sectionApi} />
      </PageSection>
      <PageSection id="feedback" title="Lead-quality feedback">
        <button type="button" onClick={load} className="text-sm text-sky-700 underline dark:text-sky-300">
          Refresh
        </button>
        <a href="/report.html" className="ml-4 text-sm text-sky-700 underline dark:text-sky-300">
          Open the lead-quality report
        </a>
        {feedback && (
          <FeedbackTable
            feedback={feedback}
            reasons={reasons}
            onRetry={(id) => act(() => api.retryFeedback(id))}
            onDiscard={(id) => act(() => api.discardFeedback(id))}
          />
        )}
      </PageSection>
      <PageSection id="personas" title="Personas">
        <PersonaEditor api={api} />
      </PageSection>
      <PageSection id="reasons" title="Feedback reasons">
        <ReasonEditor api={api} />
      </PageSection>
      <PageSection id="sla" title="Hand-off SLA">
        <SlaSettings api={sectionApi} />
        <WorkedStatuses api={sectionApi} version={version} />
      </PageSection>
      <PageSection id="diagnostics" title="Page detection diagnostics">
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          If the sidebar stops finding contacts on a site, this shows which page markers went missing. It stays on this computer.
        </p>
        <DiagnosticsView load={api.getDiagnostics} />
        <h3 className="mt-4 text-sm font-semibold">CRM fields Leadlight could not read or set</h3>
        <FieldIssuesView load={api.getFieldIssues} />
      </PageSection>
      <PageSection id="danger" title="Local data">
        {/* Feedback kept only in this browser is lost with it, as much as feedback still queued. */}
        <DangerZone api={api} unsent={(status?.unsentFeedback ?? 0) + (status?.localFeedback ?? 0)} onDeleted={load} />
      </PageSection>
    </main>
  );
}
