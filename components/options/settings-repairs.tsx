import type { SettingsRepair } from '@/lib/settings/settings';

/**
 * Saved settings Leadlight could not use as they were (an older version's values, an
 * edited profile), and what it does instead. Said at the top of the page: the section
 * that holds each one may be far below, and without this the change would go unseen.
 */
export function SettingsRepairs({ repairs }: { repairs: readonly SettingsRepair[] | undefined }) {
  if (!repairs?.length) return null;
  return (
    <div
      role="status"
      data-testid="settings-repairs"
      className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="font-medium">Some saved settings could not be used as they were</p>
      <ul className="mt-1 list-disc pl-5">
        {repairs.map((r) => (
          <li key={r.message}>{r.message}</li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Everything else is used as saved. Check the sections named above and save them to keep what they show now.
      </p>
    </div>
  );
}
