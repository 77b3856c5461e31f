import { useCallback, useEffect, useState } from 'react';
import type { Feedback } from '@/lib/domain/feedback';
import type { PageApi } from '@/lib/messaging/page-client';
import type { CacheStatus } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { DiagnosticsView } from './diagnostics-view';
import { FeedbackTable } from './feedback-table';

/** Settings page: where the data comes from, and every verdict reps have given. */
export function OptionsApp({ api }: { api: PageApi }) {
  const [status, setStatus] = useState<CacheStatus | null>(null);
  const [feedback, setFeedback] = useState<Feedback[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    Promise.all([api.getStatus(), api.listFeedback()]).then(
      ([s, f]) => {
        setStatus(s);
        setFeedback(f);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api]);

  useEffect(() => {
    load();
    // Reps often give feedback in Gmail with this page open in another tab.
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  const reset = async () => {
    setBusy(true);
    try {
      setStatus(await api.resetDemoData());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="mx-auto max-w-4xl p-6 text-slate-900 dark:text-slate-100">
      <h1 className="text-2xl font-semibold">Leadlight</h1>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <section aria-labelledby="data-heading" className="mt-6">
        <h2 id="data-heading" className="text-lg font-semibold">
          Data source
        </h2>
        {status && (
          <p data-testid="options-status" className="mt-1 text-sm">
            {status.sourceName} · {status.contactCount.toLocaleString('en-US')} contacts · data as of{' '}
            {formatDateTime(status.dataAsOf) || 'never'}
          </p>
        )}
        <button
          type="button"
          onClick={reset}
          disabled={busy}
          className="mt-2 rounded border border-slate-400 px-3 py-1 text-sm disabled:opacity-50"
        >
          {busy ? 'Reloading…' : 'Reload demo data'}
        </button>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Feedback you have given is kept.</p>
      </section>
      <section aria-labelledby="feedback-heading" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="feedback-heading" className="text-lg font-semibold">
            Lead-quality feedback
          </h2>
          <button type="button" onClick={load} className="text-sm text-sky-700 underline dark:text-sky-300">
            Refresh
          </button>
        </div>
        {feedback && <FeedbackTable feedback={feedback} />}
      </section>
      <section aria-labelledby="diagnostics-heading" className="mt-8">
        <h2 id="diagnostics-heading" className="text-lg font-semibold">
          Page detection diagnostics
        </h2>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          If the sidebar stops finding contacts on a site, this shows which page markers went missing. It stays on this computer.
        </p>
        <DiagnosticsView load={api.getDiagnostics} />
      </section>
    </main>
  );
}
