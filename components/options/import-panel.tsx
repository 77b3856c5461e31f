import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createImportApi, createParseWorker, type ImportApi } from '@/lib/import/import-api';
import { ImportSession } from '@/lib/import/import-session';
import type { ImportField } from '@/lib/import/fields';
import { PRESETS, presetById, type PresetId } from '@/lib/import/presets';
import type { WorkerLike } from '@/lib/import/worker-protocol';
import type { PageApi } from '@/lib/messaging/page-client';
import type { CacheStatus, DataSummary } from '@/lib/messaging/protocol';
import { DateOrderChoice } from './date-order-choice';
import { ImportMapping } from './import-mapping';
import { ImportPreview } from './import-preview';
import { ImportProgress } from './import-progress';
import { ReplaceConfirm, replaceNeedsConfirm } from './replace-confirm';

let sharedImporter: ImportApi | undefined;
// One messaging client for the page; a fresh default per render would restart the session.
const defaultImporter = () => (sharedImporter ??= createImportApi());

// Sessions outlive the panel: the data-source tabs unmount it, and switching tabs
// mid-import must not kill the worker. A session ends its own worker when done.
const sessions = new WeakMap<ImportApi, Map<() => WorkerLike, ImportSession>>();
function sessionFor(importer: ImportApi, createWorker: () => WorkerLike): ImportSession {
  let byWorker = sessions.get(importer);
  if (!byWorker) sessions.set(importer, (byWorker = new Map<() => WorkerLike, ImportSession>()));
  let session = byWorker.get(createWorker);
  if (!session) byWorker.set(createWorker, (session = new ImportSession(importer, createWorker)));
  return session;
}

type Props = {
  /** To make the import the data source in use once it has replaced the cache. */
  api?: Pick<PageApi, 'saveSettings'>;
  importer?: ImportApi;
  /** The parse worker; tests pass a fake. */
  createWorker?: () => WorkerLike;
  /** Called with the cache status once an import has finished or been cancelled. */
  onImported?: (status: CacheStatus) => void;
};

/**
 * "Import your data": pick a CSV or JSON file, check the detected preset, mapping
 * and preview, then import. A worker parses; a few batches at a time go to the
 * background, so the page stays responsive and the background is never flooded.
 */
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The checkbox names what it would replace: the demo data, or the current source and its size. */
function replaceLabel(summary: DataSummary | null): string {
  if (!summary || summary.demo) return 'Replace the demo data';
  return `Replace the current data (${summary.sourceName}, ${summary.contacts.toLocaleString('en-US')} contacts)`;
}

export function ImportPanel({ api, importer = defaultImporter(), createWorker = createParseWorker, onImported }: Props) {
  const session = useMemo(() => sessionFor(importer, createWorker), [importer, createWorker]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [replace, setReplace] = useState(true);
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { phase, inspection, status } = state;
  const mapField = useCallback((field: ImportField, column: string) => session.mapField(field, column), [session]);

  useEffect(() => {
    importer.describeData().then(setSummary, () => setSummary(null));
  }, [importer, status]);

  useEffect(() => {
    if (!status) return;
    // A replacing import is now the cache's source: a feed or CRM sync must not overwrite it.
    // Added on top of another source's data, it leaves that source in charge.
    const switched =
      state.replace && state.imported > 0 && api ? api.saveSettings({ source: 'import' }).catch(() => undefined) : Promise.resolve();
    void switched.then(() => onImported?.(status));
    // Keyed on the status alone: there is one per finished import, and the other values are
    // read as they were when it finished; re-running on them would switch the source twice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);

  const editable = phase === 'ready';
  const isJson = inspection?.format !== 'csv';
  const hasData = !!summary && summary.contacts > 0;
  const start = async () => {
    // Counted afresh: a feed sync or another tab may have changed the data since the page opened.
    const current = await importer.describeData().catch(() => summary);
    setSummary(current);
    const filled = !!current && current.contacts > 0;
    // Replacing data that cannot be brought back with one click asks first.
    if (replace && filled && replaceNeedsConfirm(current)) return setConfirming(true);
    await session.start(replace || !filled);
  };
  return (
    <section aria-labelledby="import-heading">
      <h3 id="import-heading" className="font-semibold">
        Import your data
      </h3>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        A Leadlight CSV, a Salesforce campaign member report, a HubSpot contact export or a JSON feed. The file is read on this computer;
        importing it again updates the same contacts and touches.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="import-file">CSV or JSON file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={phase === 'importing' || phase === 'cancelling'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so picking the same file again (a re-import) still fires a change;
            // the chosen file is named beside the button instead of by the browser.
            e.target.value = '';
            setConfirming(false);
            if (file) session.open(file);
          }}
          // The browser's own "No file chosen" text is hidden: it resets with the value above and on every
          // remount, while the session still holds the file.
          className="w-28 text-sm text-transparent file:mr-2 file:rounded file:border file:border-slate-400 file:bg-transparent file:px-3 file:py-1 file:text-sm file:text-slate-900 dark:file:text-slate-100"
        />
        <span data-testid="import-file-name" className="text-slate-700 dark:text-slate-300">
          {state.fileName ? `${state.fileName} (${size(state.totalBytes)})` : 'No file chosen'}
        </span>
      </div>
      {phase === 'reading' && (
        <p role="status" className="mt-2 text-sm">
          Reading {state.fileName}…
        </p>
      )}
      {inspection && inspection.format === 'json-feed' && (
        <p className="mt-2 text-sm">Leadlight feed: its contacts, campaigns and touches are imported as they are.</p>
      )}
      {inspection && inspection.format !== 'json-feed' && (
        <>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              <span>Column preset</span>
              <select
                value={state.presetId ?? 'leadlight'}
                disabled={!editable}
                onChange={(e) => session.choosePreset(e.target.value as PresetId)}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800"
              >
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <span data-testid="import-detected" className="text-xs text-slate-500 dark:text-slate-400">
              Detected: {inspection.presetId ? presetById(inspection.presetId).label : 'none'}
              {state.encoding && state.encoding !== 'utf-8' ? ` · read as ${state.encoding}` : ''}
            </span>
          </div>
          <ImportMapping headers={inspection.headers} mapping={state.mapping} onChange={mapField} disabled={!editable} />
          <DateOrderChoice
            dates={inspection.dates}
            value={state.dayOrder}
            onChange={(o) => session.chooseDayOrder(o)}
            disabled={!editable}
          />
          <ImportPreview headers={inspection.headers} sample={inspection.sample} mapping={state.mapping} />
        </>
      )}
      {editable && !confirming && (
        <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
          {hasData && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
              {replaceLabel(summary)}
            </label>
          )}
          <button
            type="button"
            onClick={() => void start()}
            className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
          >
            Import
          </button>
          <span className="text-xs text-slate-500 dark:text-slate-400">Feedback you have given is always kept.</span>
        </div>
      )}
      {editable && confirming && summary && (
        <ReplaceConfirm
          summary={summary}
          action="Replace and import"
          onConfirm={() => {
            setConfirming(false);
            void session.start(true);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      <ImportProgress state={state} onCancel={() => session.cancel()} itemWord={isJson ? 'Item' : 'Line'} />
      {state.failure && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {state.failure}
        </p>
      )}
    </section>
  );
}
