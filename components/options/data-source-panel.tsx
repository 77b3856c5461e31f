import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ConnectionNotice } from '../contact/connection-notice';
import { useTabs } from '../ui/use-tabs';
import type { PageApi } from '@/lib/messaging/page-client';
import type { ConnectionStatus, DataSummary, SettingsView } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings/settings';
import { FeedSettings } from './feed-settings';
import { ActionResult, BUTTON } from './field';
import { CacheSettings } from './cache-settings';
import { HubspotSettings } from './hubspot-settings';
import { ReplaceConfirm, replaceNeedsConfirm } from './replace-confirm';
import { SalesforceSettings } from './salesforce-settings';
import { useAction } from './use-action';

const SOURCES: { id: Settings['source']; label: string }[] = [
  { id: 'demo', label: 'Demo data' },
  { id: 'import', label: 'CSV / JSON import' },
  { id: 'feed', label: 'JSON feed URL' },
  { id: 'hubspot', label: 'HubSpot' },
  { id: 'salesforce', label: 'Salesforce' },
];
const SOURCE_IDS = SOURCES.map((s) => s.id);

/** Where marketing data comes from, and the cache's freshness and size. */
export function DataSourcePanel({
  api,
  importPanel,
  onChanged,
  version = 0,
}: {
  api: PageApi;
  importPanel: ReactNode;
  onChanged: () => void;
  version?: number;
}) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [tab, setTab] = useState<Settings['source']>('demo');
  // The source in use picks the tab once, from whichever read answers first, and never after
  // the user picked one: reloads (and a late first answer) must not yank the user elsewhere.
  const tabChosen = useRef(false);
  const choose = (id: Settings['source']) => {
    tabChosen.current = true;
    setTab(id);
  };
  const tabs = useTabs(SOURCE_IDS, tab, choose);

  useEffect(() => {
    api.getSettings().then(
      (v) => {
        setView(v);
        if (!tabChosen.current) {
          tabChosen.current = true;
          setTab(v.settings.source);
        }
      },
      () => undefined,
    );
  }, [api, version]);
  // Where "Reconnect" in the sidebar and popup leads: say here too what is wrong, and stop once put right.
  const [connection, setConnection] = useState<ConnectionStatus>(null);
  useEffect(() => {
    api.getConnection().then(setConnection, () => undefined);
  }, [api, view]);
  if (!view) return null;
  const change = (v: SettingsView) => {
    setView(v);
    onChanged();
  };

  return (
    <div data-testid="data-source-panel">
      <p className="text-sm">
        In use: <strong>{SOURCES.find((s) => s.id === view.settings.source)?.label}</strong>
      </p>
      <ConnectionNotice status={connection} />
      <div role="tablist" aria-label="Data sources" onKeyDown={tabs.onKeyDown} className="mt-2 flex flex-wrap gap-1">
        {SOURCES.map((s) => (
          <button
            key={s.id}
            type="button"
            {...tabs.tabProps(s.id)}
            className={`rounded border px-3 py-1 text-sm ${tab === s.id ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 dark:border-slate-600'}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="mt-3 rounded border border-slate-200 p-3 dark:border-slate-700">
        {tab === 'demo' && <DemoData api={api} onLoaded={change} onChanged={onChanged} />}
        {tab === 'import' && importPanel}
        {tab === 'feed' && <FeedSettings api={api} view={view} onChange={change} />}
        {tab === 'hubspot' && <HubspotSettings api={api} view={view} onChange={change} />}
        {tab === 'salesforce' && <SalesforceSettings api={api} view={view} onChange={change} />}
      </div>
      {/* Only a live CRM is fetched per contact and cached; demo, import and feed data are not. */}
      {(tab === 'hubspot' || tab === 'salesforce') && <CacheSettings api={api} view={view} onChange={change} />}
    </div>
  );
}

/** "Use demo data": asks first when that would remove data that cannot be brought back with one click. */
function DemoData({ api, onLoaded, onChanged }: { api: PageApi; onLoaded: (v: SettingsView) => void; onChanged: () => void }) {
  const [confirm, setConfirm] = useState<DataSummary | null>(null);
  const { busy, error, done, run } = useAction();
  const load = async () => {
    setConfirm(null);
    onLoaded(await api.saveSettings({ source: 'demo' }));
    await api.resetDemoData();
    onChanged();
    return 'Demo data loaded. Feedback you have given is kept.';
  };
  return (
    <>
      <p className="text-sm">A fictional company's contacts and campaigns, to try Leadlight out.</p>
      {!confirm && (
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          onClick={() =>
            run(async () => {
              const summary = await api.getDataSummary();
              if (!replaceNeedsConfirm(summary)) return load();
              setConfirm(summary);
            })
          }
        >
          Use demo data
        </button>
      )}
      {confirm && (
        <ReplaceConfirm
          summary={confirm}
          action="Replace with demo data"
          onConfirm={() => void run(load)}
          onCancel={() => setConfirm(null)}
        />
      )}
      <ActionResult error={error} done={done} />
    </>
  );
}
