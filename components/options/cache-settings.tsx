import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { ActionResult, BUTTON } from './field';
import { useAction } from './use-action';

/** How long a CRM contact is shown from the cache before it is fetched again, and how many are kept. */
export function CacheSettings({ api, view, onChange }: { api: PageApi; view: SettingsView; onChange: (v: SettingsView) => void }) {
  const [ttl, setTtl] = useState(String(view.settings.cacheTtlMinutes));
  const [max, setMax] = useState(String(view.settings.cacheMaxContacts));
  const { busy, error, done, run } = useAction();
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
      <label>
        Refresh CRM contacts after (minutes)
        <input
          type="number"
          min={1}
          value={ttl}
          onChange={(e) => setTtl(e.target.value)}
          className="ml-2 w-20 rounded border border-slate-400 px-1 dark:border-slate-500 dark:bg-slate-800"
        />
      </label>
      <label>
        Keep at most (contacts)
        <input
          type="number"
          min={100}
          value={max}
          onChange={(e) => setMax(e.target.value)}
          className="ml-2 w-24 rounded border border-slate-400 px-1 dark:border-slate-500 dark:bg-slate-800"
        />
      </label>
      <button
        type="button"
        className={BUTTON}
        disabled={busy}
        onClick={() =>
          run(async () => {
            if (!(Number.isInteger(Number(ttl)) && Number(ttl) >= 1))
              throw new Error('Enter how often to refresh CRM contacts as whole minutes, 1 or more, then save again.');
            if (!(Number.isInteger(Number(max)) && Number(max) >= 100))
              throw new Error('Enter how many contacts to keep as a whole number, 100 or more, then save again.');
            onChange(await api.saveSettings({ cacheTtlMinutes: Number(ttl), cacheMaxContacts: Number(max) }));
            return 'Saved.';
          })
        }
      >
        Save cache settings
      </button>
      <ActionResult error={error} done={done} />
    </div>
  );
}
