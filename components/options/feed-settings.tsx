import { useEffect, useRef, useState } from 'react';
import { feedOriginPattern, feedUrlProblem } from '@/lib/connectors/feed/feed-url';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { formatDateTime } from '../format';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';

type Props = { api: PageApi; view: SettingsView; onChange: (v: SettingsView) => void; pollMs?: number; maxPollMs?: number };

const PHASES = { staging: 'Reading the feed…', applying: 'Putting the new data in place…' } as const;

// A 20 MB feed syncs in about 30 s; past this the page stops asking, and shows the state again when reopened.
const POLL_FOR_MS = 3 * 60_000;

/** A JSON feed marketing ops publishes; Leadlight asks for that one origin. */
export function FeedSettings({ api, view, onChange, pollMs = 1000, maxPollMs = POLL_FOR_MS }: Props) {
  const [url, setUrl] = useState(view.settings.feed?.url ?? '');
  const [interval, setInterval] = useState(String(view.settings.feed?.intervalMinutes ?? 60));
  // Set while a sync started from here runs: the last check time it must move past.
  const [waiting, setWaiting] = useState<{ since: string | undefined } | null>(null);
  const { busy, error, done, run } = useAction();
  const syncing = view.feed?.syncing;
  // When this page started following a sync: a sync that never reports back is not followed forever.
  const pollingSince = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!waiting && !syncing) return void (pollingSince.current = undefined);
    if (waiting && !syncing && view.feed?.lastSyncAt !== waiting.since) return setWaiting(null);
    pollingSince.current ??= Date.now();
    if (Date.now() - pollingSince.current > maxPollMs) return setWaiting(null);
    const timer = setTimeout(() => void api.getSettings().then(onChange, () => undefined), pollMs);
    return () => clearTimeout(timer);
  }, [waiting, syncing, view, api, onChange, pollMs, maxPollMs]);

  const save = () =>
    run(async () => {
      const address = url.trim();
      // Checked before asking for access: a wildcard host would ask for every site.
      const problem = feedUrlProblem(address);
      if (problem) throw new Error(problem);
      const origin = feedOriginPattern(address);
      if (!(await api.requestOrigins([origin]))) throw new Error(`Leadlight needs access to ${new URL(address).origin} to read the feed.`);
      const since = view.feed?.lastSyncAt;
      // The background fetches at once only for a new feed; a new interval just moves the next check.
      const fetching = view.settings.source !== 'feed' || view.settings.feed?.url !== address;
      const next = await api.saveSettings({ source: 'feed', feed: { url: address, intervalMinutes: Number(interval) } });
      onChange(next);
      if (!fetching) return `Saved. Leadlight checks the feed every ${next.settings.feed?.intervalMinutes ?? interval} minutes.`;
      pollingSince.current = undefined;
      setWaiting({ since });
      return 'Saved. Leadlight is fetching the feed; the cached data stays in use until the new data is ready.';
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
          disabled={busy || !!syncing}
          onClick={() =>
            run(async () => {
              const result = await api.syncFeedNow();
              onChange(await api.getSettings());
              if (result.status === 'failed') throw new Error(result.error ?? 'The feed could not be read.');
              return result.status === 'unchanged' ? 'The feed has not changed.' : 'The feed was loaded.';
            })
          }
        >
          Sync now
        </button>
      )}
      <p role="status" data-testid="feed-status" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {syncing
          ? PHASES[syncing]
          : view.feed?.lastSyncAt && (
              <>
                Last checked {formatDateTime(view.feed.lastSyncAt)}
                {view.feed.lastError ? ` · ${view.feed.lastError}` : ''}
              </>
            )}
      </p>
      <ActionResult error={error} done={done} />
    </div>
  );
}
