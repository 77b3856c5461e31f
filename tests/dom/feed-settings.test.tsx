import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FeedSettings } from '@/components/options/feed-settings';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const FEED = 'https://marketing.brightwave.example/leadlight/feed.json';
const view = (feed?: SettingsView['feed'], source: SettingsView['settings']['source'] = 'demo'): SettingsView => ({
  settings: { ...DEFAULT_SETTINGS, source, ...(source === 'feed' ? { feed: { url: FEED, intervalMinutes: 60 } } : {}) },
  connections: { hubspotConnected: false, salesforceConnected: false },
  feed,
});

/** The background as the feed form sees it: saving answers at once, then a sync runs for two polls. */
function fakeApi() {
  let polls = 0;
  return {
    requestOrigins: vi.fn(async (_origins: string[]) => true),
    saveSettings: vi.fn(async () => view({ lastSyncAt: undefined }, 'feed')),
    getSettings: vi.fn(async () => {
      polls += 1;
      if (polls < 3) return view({ syncing: 'staging' }, 'feed');
      return view({ lastSyncAt: '2026-11-20T10:00:00.000Z', lastError: '2 rows skipped, first: contacts[4] email: Invalid email' }, 'feed');
    }),
    syncFeedNow: vi.fn(),
  };
}

function Form({ api }: { api: ReturnType<typeof fakeApi> }) {
  const [current, setCurrent] = useState(view());
  return <FeedSettings api={api as unknown as PageApi} view={current} onChange={setCurrent} pollMs={5} />;
}

async function enter(url: string) {
  await userEvent.type(screen.getByLabelText('Feed URL'), url);
  await userEvent.click(screen.getByRole('button', { name: 'Use this feed' }));
}

describe('feed settings', () => {
  it.each([
    ['https://*/feed.json', /wildcards/],
    ['https://*.brightwave.example/feed.json', /wildcards/],
    ['http://marketing.brightwave.example/feed.json', /https:\/\//],
  ])('refuses %s before asking the browser for any access', async (url, message) => {
    const api = fakeApi();
    render(<Form api={api} />);
    await enter(url);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('asks for the one origin, returns at once, and follows the sync until it has finished', async () => {
    const api = fakeApi();
    render(<Form api={api} />);
    await enter(FEED);
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://marketing.brightwave.example/*']);
    expect(await screen.findByText(/Leadlight is fetching the feed/)).toBeInTheDocument();
    expect(await screen.findByText('Reading the feed…')).toBeInTheDocument();
    expect(await screen.findByText(/Last checked .* · 2 rows skipped/)).toBeInTheDocument();
    const polls = api.getSettings.mock.calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(api.getSettings.mock.calls.length).toBe(polls);
  });
});

describe('feed settings for the feed already in use', () => {
  function FeedInUse({ api, maxPollMs, feed }: { api: ReturnType<typeof fakeApi>; maxPollMs?: number; feed?: SettingsView['feed'] }) {
    const [current, setCurrent] = useState(view(feed ?? { lastSyncAt: '2026-11-20T09:00:00.000Z' }, 'feed'));
    return <FeedSettings api={api as unknown as PageApi} view={current} onChange={setCurrent} pollMs={5} maxPollMs={maxPollMs} />;
  }

  it('says a new interval only moves the next check, and does not wait for a fetch that is not coming', async () => {
    const api = fakeApi();
    api.saveSettings.mockImplementation(async () => {
      const saved = view({ lastSyncAt: '2026-11-20T09:00:00.000Z' }, 'feed');
      return { ...saved, settings: { ...saved.settings, feed: { url: FEED, intervalMinutes: 15 } } };
    });
    render(<FeedInUse api={api} />);
    const every = screen.getByLabelText('Check every (minutes)');
    await userEvent.clear(every);
    await userEvent.type(every, '15');
    await userEvent.click(screen.getByRole('button', { name: 'Use this feed' }));
    expect(await screen.findByText('Saved. Leadlight checks the feed every 15 minutes.')).toBeInTheDocument();
    expect(screen.queryByText(/fetching the feed/)).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(api.getSettings).not.toHaveBeenCalled();
  });

  it('stops asking after a while when a sync never reports back', async () => {
    const api = fakeApi();
    api.getSettings.mockImplementation(async () => view({ syncing: 'staging' }, 'feed'));
    // Opened while the background says a sync is under way.
    render(<FeedInUse api={api} maxPollMs={40} feed={{ syncing: 'staging' }} />);
    expect(screen.getByText('Reading the feed…')).toBeInTheDocument();
    await vi.waitFor(() => expect(api.getSettings).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 150));
    const polls = api.getSettings.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(api.getSettings.mock.calls.length).toBe(polls);
  });
});
