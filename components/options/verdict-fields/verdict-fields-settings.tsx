import { useCallback, useEffect, useId, useState } from 'react';
import { DEFAULT_REASON_DEFINITIONS, type ReasonDefinition } from '@/lib/domain/reason-definition';
import type { WritableField } from '@/lib/domain/writable-field';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import type { SalesforceVerdictFields } from '@/lib/settings/salesforce-verdict-fields';
import { errorMessage } from '../../ui/error-message';
import { ActionResult, BUTTON } from '../field';
import { useAction } from '../use-action';
import { ReasonFieldPicker } from './reason-field-picker';
import { VerdictFieldPicker } from './verdict-field-picker';
import { mappingProblems, type VerdictObject } from './verdict-fields-draft';

type Props = {
  api: Pick<PageApi, 'getSalesforceFields' | 'getReasons' | 'saveSettings'>;
  view: SettingsView;
  onChange: (v: SettingsView) => void;
};

const OBJECTS: VerdictObject[] = ['Lead', 'Contact'];

/** The mapping as it is saved: an object with nothing mapped is left out. */
function saved(draft: SalesforceVerdictFields): SalesforceVerdictFields {
  return Object.fromEntries(Object.entries(draft).filter(([, m]) => m && (m.verdict || m.reason)));
}

/**
 * "Write verdicts to Lead fields": the admin picks, from the org's describe, the
 * fields a verdict sets beside its Task and the values it sets them to. Only fields
 * the connected user may edit, of picklist or text type, are offered.
 */
export function VerdictFieldsSettings({ api, view, onChange }: Props) {
  const [object, setObject] = useState<VerdictObject>('Lead');
  const [draft, setDraft] = useState<SalesforceVerdictFields>(view.settings.salesforce.verdictFields ?? {});
  const [fields, setFields] = useState<Partial<Record<VerdictObject, WritableField[]>>>({});
  // Per object: a Lead read that failed says nothing about Contacts.
  const [loadErrors, setLoadErrors] = useState<Partial<Record<VerdictObject, string>>>({});
  const [reasons, setReasons] = useState<readonly ReasonDefinition[]>(DEFAULT_REASON_DEFINITIONS);
  const { busy, error, done, run } = useAction();
  const headingId = useId();

  const received = useCallback((which: VerdictObject, list: WritableField[]) => {
    setLoadErrors(({ [which]: _cleared, ...rest }) => rest);
    setFields((all) => ({ ...all, [which]: list }));
  }, []);
  const loaded = fields[object];
  const loadError = loadErrors[object];
  useEffect(() => {
    if (loaded) return;
    api.getSalesforceFields(object, false).then(
      (list) => received(object, list),
      (e: unknown) => setLoadErrors((all) => ({ ...all, [object]: errorMessage(e) })),
    );
  }, [api, received, object, loaded]);
  useEffect(() => {
    api.getReasons().then(setReasons, () => undefined);
  }, [api]);

  const mapping = draft[object] ?? {};
  const setMapping = (m: typeof mapping) => setDraft((d) => ({ ...d, [object]: m }));
  const problems = loaded ? mappingProblems(object, mapping, loaded) : [];
  const save = () =>
    run(async () => {
      onChange(await api.saveSettings({ salesforce: { ...view.settings.salesforce, verdictFields: saved(draft) } }));
      return 'Saved. Each verdict from now on sets these fields beside its Task.';
    });
  // A failed reload is reported as the action's failure, never as "read again".
  const reload = () => {
    const which = object;
    run(async () => {
      received(which, await api.getSalesforceFields(which, true));
      return `Read the ${which} fields from Salesforce again.`;
    });
  };

  return (
    <section aria-labelledby={headingId} data-testid="verdict-fields" className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 id={headingId} className="text-sm font-semibold">
        Write verdicts to Lead fields
      </h3>
      <p className="mt-1 text-sm">
        Every verdict is saved as a completed Task on the Lead or Contact. It can also set fields of your org, such as Lead Status to
        Unqualified with a reason field. Only fields your Salesforce user may edit, of picklist or text type, are offered.
      </p>
      <fieldset className="mt-2">
        <legend className="text-sm font-medium">Set fields on</legend>
        {OBJECTS.map((o) => (
          <label key={o} className="mr-4 text-sm">
            <input
              type="radio"
              name={`${headingId}-object`}
              value={o}
              checked={object === o}
              onChange={() => setObject(o)}
              className="mr-1"
            />
            {o === 'Lead' ? 'Leads' : 'Contacts'}
          </label>
        ))}
      </fieldset>
      {object === 'Contact' && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          A verdict on someone who is a Contact (no open Lead) sets these instead; Contacts have no Lead Status.
        </p>
      )}
      {loadError && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {loadError}
        </p>
      )}
      {!loaded && !loadError && (
        <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          Reading the {object} fields from Salesforce…
        </p>
      )}
      {loaded && (
        <>
          {problems.length > 0 && (
            <ul role="alert" data-testid="verdict-field-problems" className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <VerdictFieldPicker object={object} fields={loaded} mapping={mapping} onChange={setMapping} />
          <ReasonFieldPicker object={object} fields={loaded} reasons={reasons} mapping={mapping} onChange={setMapping} />
        </>
      )}
      <button type="button" className={BUTTON} disabled={busy || !loaded} onClick={save}>
        Save verdict fields
      </button>
      <button type="button" className={BUTTON} disabled={busy} onClick={reload}>
        Read {object} fields again
      </button>
      <ActionResult error={error} done={done} />
    </section>
  );
}
