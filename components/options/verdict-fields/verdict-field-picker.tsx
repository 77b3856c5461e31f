import type { WritableField } from '@/lib/domain/writable-field';
import type { ObjectVerdictFields } from '@/lib/settings/salesforce-verdict-fields';
import { Choice, TextChoice } from './choice';
import { fieldName, OUTCOMES, withOutcome, withVerdictField, type VerdictObject } from './verdict-fields-draft';

const NONE = '';

/** Field options for a select: "none", the offered fields, and a saved field the org no longer offers (named, so it can be seen). */
export function fieldOptions(fields: readonly WritableField[], saved: string | undefined, none: string): [string, string][] {
  const options: [string, string][] = [[NONE, none], ...fields.map((f): [string, string] => [f.name, `${fieldName(f)} · ${f.type}`])];
  if (saved && !fields.some((f) => f.name === saved)) options.push([saved, `${saved} (not found in Salesforce)`]);
  return options;
}

/** The field that receives the verdict, and its value for each kind of verdict. */
export function VerdictFieldPicker({
  object,
  fields,
  mapping,
  onChange,
}: {
  object: VerdictObject;
  fields: readonly WritableField[];
  mapping: ObjectVerdictFields;
  onChange: (m: ObjectVerdictFields) => void;
}) {
  const saved = mapping.verdict;
  const field = fields.find((f) => f.name === saved?.field);
  return (
    <>
      <Choice
        label={`${object} field for the verdict`}
        value={saved?.field ?? NONE}
        options={fieldOptions(fields, saved?.field, 'None: the Task only')}
        onChange={(name) =>
          onChange(
            withVerdictField(
              mapping,
              fields.find((f) => f.name === name),
            ),
          )
        }
      />
      {saved && field && (
        <div role="group" aria-label={`Values of ${fieldName(field)} per verdict`} className="ml-4">
          {OUTCOMES.map(({ id, label }) => {
            const value = saved.values[id] ?? '';
            if (field.type !== 'picklist')
              return (
                <TextChoice
                  key={id}
                  label={label}
                  value={value}
                  maxLength={Math.min(field.length || 255, 255)}
                  hint={`Empty leaves ${field.label} unchanged.`}
                  onChange={(v) => onChange(withOutcome(mapping, id, v))}
                />
              );
            const offered = field.values ?? [];
            const options: [string, string][] = [[NONE, 'Leave unchanged'], ...offered.map((v): [string, string] => [v.value, v.label])];
            if (value && !offered.some((v) => v.value === value)) options.push([value, `${value} (not an active value)`]);
            return (
              <Choice key={id} label={label} value={value} options={options} onChange={(v) => onChange(withOutcome(mapping, id, v))} />
            );
          })}
        </div>
      )}
    </>
  );
}
