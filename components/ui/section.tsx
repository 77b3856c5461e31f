import type { ReactNode } from 'react';

/** A titled block of the contact view; the heading gives screen readers a landmark to jump to. */
export function Section({ title, children, testId, note }: { title: string; children: ReactNode; testId?: string; note?: ReactNode }) {
  const id = `ll-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="border-t border-slate-200 px-4 py-3 dark:border-slate-700">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2">
        <h3 id={id} className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {title}
        </h3>
        {/* Where this section's data comes from ("from Salesforce, 10:32 AM"). */}
        {note}
      </div>
      {children}
    </section>
  );
}
