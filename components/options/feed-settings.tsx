import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';

type Props = { api: PageApi; view: SettingsView; onChange: (v: SettingsView) => void };

/** A JSON feed marketing ops publishes; Leadlight asks for that one origin. */
export function FeedSettings({ api, view, onChange }: Props) {
  const [url, setUrl] = useState(view.settings.feed?.url ?? '');
  const [interval, setInterval] = useState(String(view.settings.feed?.intervalMinutes ?? 60));
  const { busy, error, done, run } = useAction();
  const save = () =>
    run(async () => {
      let origin: string;
      try {
        origin = new URL(url.trim()).origin;
      } catch {
        throw new Error('Enter the full feed address, starting with https://');
      }
      if (!(await api.requestOrigins([`${origin}/*`]))) throw new Error(`Leadlight needs access to ${origin} to read the feed.`);
      const next = await api.saveSettings({ source: 'feed', feed: { url: url.trim(), intervalMinutes: Number(interval) } });
      onChange(next);
      return next.feed?.lastError ? `Saved. Last sync: ${next.feed.lastError}` : 'Saved; the feed was fetched.';
    });
  return (
    <div data-testid="feed-settings">
      <Field label="Feed URL" type="url" placeholder="https://…/leadlight-feed.json" value={url} onChange={(e) => setUrl(e.target.value)} />
      <Field
        label="Check every (minutes)"
        type="number"
        min={15}
        max={1440}
        value={interval}
        onChange={(e) => setInterval(e.target.value)}
      />
      <button type="button" className={BUTTON} disabled={busy || !url.trim()} onClick={save}>
        Use this feed
      </button>
      {view.settings.source === 'feed' && (
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          onClick={() => run(async () => `Sync: ${(await api.syncFeedNow()).status}`)}
        >
          Sync now
        </button>
      )}
      {view.feed?.lastSyncAt && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Last checked {formatDateTime(view.feed.lastSyncAt)}
          {view.feed.lastError ? ` · ${view.feed.lastError}` : ''}
        </p>
      )}
      <ActionResult error={error} done={done} />
    </div>
  );
}
