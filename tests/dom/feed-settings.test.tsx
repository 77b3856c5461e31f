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
