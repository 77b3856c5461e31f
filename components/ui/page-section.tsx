import type { ReactNode } from 'react';

/**
 * A titled section of a full extension page (options, report); the heading names it for screen readers.
 * `busy`: the figures shown are the last ones while new ones load; they stay in place, dimmed,
 * so nothing below moves under the user's pointer.
 */
export function PageSection({ id, title, busy, children }: { id: string; title: string; busy?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} aria-busy={busy || undefined} className={`mt-8 ${busy ? 'opacity-60' : ''}`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
