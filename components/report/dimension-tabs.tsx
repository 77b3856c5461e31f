import type { ReactNode } from 'react';
import type { ReportDimension } from '@/lib/domain/report-schema';
import { useTabs } from '../ui/use-tabs';

export const DIMENSIONS: readonly { id: ReportDimension; label: string }[] = [
  { id: 'campaign', label: 'Campaign' },
  { id: 'source', label: 'Lead source' },
  { id: 'persona', label: 'Persona' },
  { id: 'asset', label: 'Asset' },
];

export const dimensionLabel = (d: ReportDimension) => DIMENSIONS.find((x) => x.id === d)?.label ?? d;

/** What the report is grouped by: ARIA tabs, arrow keys move between them. */
export function DimensionTabs({
  value,
  onChange,
  children,
}: {
  value: ReportDimension;
  onChange: (d: ReportDimension) => void;
  children: ReactNode;
}) {
  const tabs = useTabs(
    DIMENSIONS.map((d) => d.id),
    value,
    onChange,
  );

  return (
    <div className="mt-2">
      <div
        role="tablist"
        aria-label="Group the report by"
        onKeyDown={tabs.onKeyDown}
        className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
      >
        {DIMENSIONS.map((d) => {
          const selected = d.id === value;
          return (
            <button
              key={d.id}
              {...tabs.tabProps(d.id)}
              id={`report-tab-${d.id}`}
              type="button"
              aria-controls="report-tabpanel"
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                selected
                  ? 'border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {d.label}
            </button>
          );
        })}
      </div>
      <div id="report-tabpanel" role="tabpanel" aria-labelledby={`report-tab-${value}`} className="pt-4">
        {children}
      </div>
    </div>
  );
}
