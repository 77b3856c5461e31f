import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttributionModel, ReportRow } from '@/lib/domain/report-schema';
import type { PageApi } from '@/lib/messaging/page-client';
import type { DrillDownState } from './drill-down';
import { errorMessage } from '../ui/error-message';

type DrillQuery = { from: string; to: string; model: AttributionModel; onlyMine: boolean };

/** The contacts behind one campaign row of the report for question `key`; another question closes it. */
export function useDrillDown(api: Pick<PageApi, 'getDrillDown'>, key: string, query: DrillQuery) {
  const [drill, setDrill] = useState<DrillDownState | null>(null);
  const drillFor = useRef<string | null>(null);
  // A drill-down belongs to one period; a new period or grouping closes it.
  useEffect(() => {
    drillFor.current = null;
    setDrill(null);
  }, [key]);

  const { from, to, model, onlyMine } = query;
  const open = useCallback(
    (row: Pick<ReportRow, 'key' | 'label'>) => {
      const token = `${key}|${row.key}`;
      drillFor.current = token;
      setDrill({ campaignId: row.key, label: row.label, rows: null, error: null });
      api.getDrillDown({ campaignId: row.key, from, to, model, onlyMine }).then(
        (rows) => drillFor.current === token && setDrill({ campaignId: row.key, label: row.label, rows, error: null }),
        (e: unknown) =>
          drillFor.current === token && setDrill({ campaignId: row.key, label: row.label, rows: null, error: errorMessage(e) }),
      );
    },
    [api, key, from, to, model, onlyMine],
  );
  const close = () => {
    drillFor.current = null;
    setDrill(null);
  };
  return { drill, open, close };
}
