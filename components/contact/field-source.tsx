import type { SourceStamp } from '@/lib/domain/contact-context';
import { sourceTime } from './source-note';

/** Field name → where it came from, for fields whose source differs from the rest of the record. */
export type FieldSources = Readonly<Record<string, SourceStamp>>;

/** " (from import of march.csv, Nov 3, 2026, 9:41 AM)" after a field kept from another source. */
export function FieldSource({ field, sources }: { field: string; sources?: FieldSources }) {
  const stamp = sources?.[field];
  if (!stamp) return null;
  const when = stamp.at ? sourceTime(stamp.at) : '';
  return (
    <span data-testid="field-source" data-field={field} className="text-xs font-normal text-amber-800 dark:text-amber-300">
      {' '}
      (from {stamp.name}
      {when && `, ${when}`})
    </span>
  );
}
