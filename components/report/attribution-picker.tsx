import type { AttributionModel } from '@/lib/domain/report-schema';

export const MODELS: readonly { id: AttributionModel; label: string; explain: string }[] = [
  {
    id: 'any',
    label: 'Any touch',
    explain:
      'Each campaign and asset that reached the lead before the verdict gets that verdict, so a lead touched by three campaigns counts for each of them.',
  },
  {
    id: 'first',
    label: 'First touch',
    explain: 'Only the campaign and asset that reached the lead first get the verdict: which campaigns bring in good leads.',
  },
  {
    id: 'last',
    label: 'Last touch before the verdict',
    explain: 'Only the last campaign and asset before the verdict get it: what the lead saw just before sales judged it.',
  },
];

/**
 * How a verdict is credited to campaigns and assets, chosen by the marketer and
 * explained in words. Lead source and persona have one bucket per lead, so the
 * model does not change them; the page says so.
 */
export function AttributionPicker({ value, onChange }: { value: AttributionModel; onChange: (m: AttributionModel) => void }) {
  const chosen = MODELS.find((m) => m.id === value) ?? MODELS[0];
  return (
    <fieldset data-testid="attribution-model" className="mt-4">
      <legend className="text-sm font-medium">Credit a verdict to</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {MODELS.map((m) => (
          <label key={m.id} className="flex items-center gap-1.5 text-sm">
            <input type="radio" name="attribution-model" value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} />
            {m.label}
          </label>
        ))}
      </div>
      <p data-testid="attribution-explained" className="mt-1 max-w-3xl text-xs text-slate-600 dark:text-slate-300">
        {chosen?.explain} Lead source and persona count each lead once, whatever the model.
      </p>
    </fieldset>
  );
}
