import { useEffect, useId, useState } from 'react';
import { DEFAULT_WORKED_STATUSES, type WorkedStatusSource } from '@/lib/domain/worked-status';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON } from './field';
import { useAction } from './use-action';

const SOURCE_NAMES: Record<WorkedStatusSource, string> = {
  demo: 'the demo data',
  import: 'imported files',
  feed: 'the JSON feed',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
};

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

/**
 * The lead statuses (or lifecycle stages) that mean sales has worked a lead, for the
 * data source in use. A lead in one of them counts as touched even when no activity
 * carries a time, and the sidebar says "met (time not recorded)" instead of "overdue".
 */
export function WorkedStatuses({ api, version = 0 }: { api: Pick<PageApi, 'getSettings' | 'saveSettings'>; version?: number }) {
  const [source, setSource] = useState<WorkedStatusSource | null>(null);
  const [edited, setEdited] = useState<Partial<Record<WorkedStatusSource, string[]>>>({});
  const [text, setText] = useState('');
  const { busy, error, done, run } = useAction();
  const id = useId();

  useEffect(() => {
    api.getSettings().then(
      ({ settings }) => {
        const list = settings.workedStatuses?.[settings.source] ?? DEFAULT_WORKED_STATUSES[settings.source];
        setSource(settings.source);
        setEdited(settings.workedStatuses ?? {});
        setText(list.join('\n'));
      },
      () => undefined,
    );
  }, [api, version]);

  if (!source) return null;
  const save = (list: string[] | undefined) =>
    run(async () => {
      const next = { ...edited };
      if (list) next[source] = list;
      else delete next[source];
      await api.saveSettings({ workedStatuses: next });
      setEdited(next);
      setText((list ?? DEFAULT_WORKED_STATUSES[source]).join('\n'));
      return list ? 'Saved. Leads in these statuses count as touched.' : 'Back to the defaults.';
    });

  return (
    <div data-testid="worked-statuses" className="mt-4">
      <label htmlFor={id} className="block text-sm font-medium">
        Statuses that mean a lead was worked, for {SOURCE_NAMES[source]}
      </label>
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        One per line, as your CRM writes them (case and punctuation do not matter). A handed-over lead in one of these statuses or lifecycle
        stages counts as touched even when no call or email carries a time.
      </p>
      <textarea
        id={id}
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="mt-1 w-full max-w-md rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <div>
        <button type="button" className={BUTTON} disabled={busy} onClick={() => save(lines(text))}>
          Save statuses
        </button>
        <button type="button" className={BUTTON} disabled={busy || !edited[source]} onClick={() => save(undefined)}>
          Use the defaults
        </button>
      </div>
      <ActionResult error={error} done={done} />
    </div>
  );
}
