import type { DayOrder, DayOrderFinding } from '@/lib/import/day-order';
import { parseDate } from '@/lib/import/values';
import { formatDate } from '../format';

const ORDERS: { order: DayOrder; label: string }[] = [
  { order: 'month-first', label: 'Month first' },
  { order: 'day-first', label: 'Day first' },
];

/** Why the order shown was chosen, so people know whether to check it. */
function basis(dates: DayOrderFinding): string {
  if (dates.mixed) return 'The file holds dates in both orders: those the order chosen cannot read are reported by line.';
  if (dates.order) return 'Read from the file: some of its dates only make sense this way.';
  const where = dates.partial ? 'in the first part of this large file' : 'in the file';
  return `Every date ${where} fits either order, so this follows your browser’s language: check one against your CRM.`;
}

/**
 * Which number comes first in the file's slash dates. Asked only when the file has
 * them; each choice says what the file's own example date becomes, so the answer is
 * about the rep's data rather than about a format string.
 */
export function DateOrderChoice({
  dates,
  value,
  onChange,
  disabled,
}: {
  dates: DayOrderFinding;
  value: DayOrder;
  onChange: (order: DayOrder) => void;
  disabled?: boolean;
}) {
  if (!dates.seen || !dates.example) return null;
  const example = dates.example;
  return (
    <fieldset className="mt-3 text-sm" data-testid="import-date-order">
      <legend className="font-medium">Dates such as {example} are written</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {ORDERS.map(({ order, label }) => {
          const read = formatDate(parseDate(example, order) ?? undefined);
          return (
            <label key={order} className="flex items-center gap-1">
              <input type="radio" name="import-date-order" checked={value === order} disabled={disabled} onChange={() => onChange(order)} />
              {label}
              {read ? ` (${example} is ${read})` : ` (cannot read ${example})`}
            </label>
          );
        })}
      </div>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{basis(dates)}</p>
    </fieldset>
  );
}
