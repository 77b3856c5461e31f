import { REASON_GROUP_LABELS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { WritableField } from '@/lib/domain/writable-field';
import type { ObjectVerdictFields } from '@/lib/settings/salesforce-verdict-fields';
import { Choice } from './choice';
import { fieldOptions } from './verdict-field-picker';
import { fieldName, withReasonField, withReasonValue, type VerdictObject } from './verdict-fields-draft';

const GROUPS = Object.keys(REASON_GROUP_LABELS) as (keyof typeof REASON_GROUP_LABELS)[];

/**
 * The field that receives the verdict's reason: a picklist gets the value the admin
 * maps to each of the team's reasons (unmapped ones leave it unchanged), a text
 * field the reason's label as the team wrote it.
 */
export function ReasonFieldPicker({
  object,
  fields,
  reasons,
  mapping,
  onChange,
}: {
  object: VerdictObject;
  fields: readonly WritableField[];
  reasons: readonly ReasonDefinition[];
  mapping: ObjectVerdictFields;
  onChange: (m: ObjectVerdictFields) => void;
}) {
  const saved = mapping.reason;
  // The verdict's own field cannot hold the reason too.
  const offered = fields.filter((f) => f.name !== mapping.verdict?.field);
  const field = fields.find((f) => f.name === saved?.field);
  const inUse = reasons.filter((r) => !r.retired);
  return (
    <>
      <Choice
        label={`${object} field for the reason (optional)`}
        value={saved?.field ?? ''}
        options={fieldOptions(offered, saved?.field, 'None')}
        onChange={(name) =>
          onChange(
            withReasonField(
              mapping,
              offered.find((f) => f.name === name),
            ),
          )
        }
      />
      {saved?.kind === 'text' && field && (
        <p className="mt-1 ml-4 text-xs text-slate-600 dark:text-slate-300">
          {field.label} receives the reason as your team wrote it, such as “{inUse.find((r) => r.verdict === 'bad')?.label ?? 'No budget'}”
          {field.length ? `, cut to ${field.length} characters` : ''}. A verdict without a reason leaves it unchanged.
        </p>
      )}
      {saved?.kind === 'picklist' && field && (
        <div role="group" aria-label={`Values of ${fieldName(field)} per reason`} className="ml-4">
          {GROUPS.map((group) => {
            const members = inUse.filter((r) => r.group === group);
            if (members.length === 0) return null;
            return (
              <fieldset key={group} className="mt-2">
                <legend className="text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">{REASON_GROUP_LABELS[group]}</legend>
                {members.map((r) => {
                  const value = saved.values[r.id] ?? '';
                  const options: [string, string][] = [
                    ['', 'Leave unmapped'],
                    ...(field.values ?? []).map((v): [string, string] => [v.value, v.label]),
                  ];
                  if (value && !field.values?.some((v) => v.value === value)) options.push([value, `${value} (not an active value)`]);
                  return (
                    <Choice
                      key={r.id}
                      label={r.label}
                      value={value}
                      options={options}
                      onChange={(v) => onChange(withReasonValue(mapping, r.id, v))}
                    />
                  );
                })}
              </fieldset>
            );
          })}
        </div>
      )}
    </>
  );
}
