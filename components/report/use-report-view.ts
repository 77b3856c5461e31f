import { useEffect, useRef, useState } from 'react';
import type { AttributionModel, ReportDimension } from '@/lib/domain/report-schema';
import type { PageApi } from '@/lib/messaging/page-client';
import type { ReportView } from '@/lib/messaging/protocol';
import { errorMessage } from '../ui/error-message';

type ReportQuery = { dimension: ReportDimension; from: string; to: string; model: AttributionModel; onlyMine: boolean };

/** A report for one question (`key`); `computedAt` only on the last one kept, shown until the fresh one comes. */
export type LoadedReport = { key: string; view: ReportView; computedAt?: string };

/**
 * The report for the question in force, asked again when `key` or `tick` changes.
 * On opening, the background's last report for the same question is asked for at
 * the same time: after the background was stopped the fresh one takes seconds (it
 * reads every contact), the kept one does not. It is shown only until the fresh one
 * arrives, and never over it. Later questions wait for their fresh report, as before.
 */
export function useReportView(
  api: Pick<PageApi, 'getReport'> & Partial<Pick<PageApi, 'getLastReport'>>,
  query: ReportQuery,
  key: string,
  tick: number,
): { loaded: LoadedReport | null; error: string | null } {
  const [loaded, setLoaded] = useState<LoadedReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const opening = useRef({ key, query });

  useEffect(() => {
    const { key: first, query: q } = opening.current;
    api.getLastReport?.(q).then(
      (last) => last && latest.current === first && setLoaded((shown) => shown ?? { key: first, ...last }),
      // Only a head start: the fresh report still comes, or says why not.
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    latest.current = key;
    setError(null);
    api.getReport(query).then(
      (view) => latest.current === key && setLoaded({ key, view }),
      (e: unknown) => latest.current === key && setError(errorMessage(e)),
    );
    // Everything the query reads is in `key`; tick asks again for the same key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, tick]);

  return { loaded, error };
}
