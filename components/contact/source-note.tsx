import { formatDateTime } from '../format';

const timeFmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });

/** "10:32 AM" today, else "Nov 3, 2026, 10:32 AM": how old the data is, as briefly as is clear. */
export function sourceTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.getTime() <= 0) return '';
  return d.toDateString() === now.toDateString() ? timeFmt.format(d) : formatDateTime(iso);
}

export type SourceNoteProps = { name: string; at?: string };

/** "from Salesforce, 10:32 AM": where a section's data came from and when. */
export function SourceNote({ name, at }: SourceNoteProps) {
  const when = at ? sourceTime(at) : '';
  return (
    <span data-testid="section-source" className="text-xs font-normal tracking-normal text-slate-600 normal-case dark:text-slate-300">
      from {name}
      {when && `, ${when}`}
    </span>
  );
}
