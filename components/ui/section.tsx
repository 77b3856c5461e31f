import type { ReactNode } from 'react';

/** A titled block of the contact view; the heading gives screen readers a landmark to jump to. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = `ll-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="border-t border-slate-200 px-4 py-3 dark:border-slate-700">
      <h3 id={id} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}
