import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataSourcePanel } from '@/components/options/data-source-panel';
import type { PageApi } from '@/lib/messaging/page-client';
import type { ConnectionStatus, DataSummary, SettingsView } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS, SettingsSchema } from '@/lib/settings/settings';

function fakeSettingsApi() {
  const view = { settings: DEFAULT_SETTINGS, connections: { hubspotConnected: false, salesforceConnected: false } };
  return {
    getSettings: vi.fn(async () => view),
    saveSettings: vi.fn(async () => view),
    getConnection: vi.fn(async () => null),
    salesforceCallbackUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
  } as unknown as PageApi;
}

describe('DataSourcePanel', () => {
  it('shows CRM cache settings only on the HubSpot and Salesforce tabs', async () => {
    const user = userEvent.setup();
    render(<DataSourcePanel api={fakeSettingsApi()} importPanel={<p>import</p>} onChanged={() => undefined} />);
    const cache = () => screen.queryByRole('button', { name: 'Save cache settings' });
    for (const tab of ['Demo data', 'CSV / JSON import', 'JSON feed URL']) {
      await user.click(await screen.findByRole('tab', { name: tab }));
      expect(cache(), tab).not.toBeInTheDocument();
    }
    for (const tab of ['HubSpot', 'Salesforce']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      expect(cache(), tab).toBeInTheDocument();
    }
  });

  it('moves between sources with the arrow keys, Home and End; Tab stops only on the selected one', async () => {
    const user = userEvent.setup();
    render(<DataSourcePanel api={fakeSettingsApi()} importPanel={<p>import</p>} onChanged={() => undefined} />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    await waitFor(() => expect(tab('Demo data')).toHaveAttribute('aria-selected', 'true'));
    const tabStops = () => screen.getAllByRole('tab').filter((t) => t.tabIndex === 0);
    expect(tabStops()).toEqual([tab('Demo data')]);

    tab('Demo data').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab('CSV / JSON import')).toHaveFocus();
    expect(tab('CSV / JSON import')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('import')).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(tab('Salesforce')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Save cache settings' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(tab('Demo data')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Salesforce')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(tab('Demo data')).toHaveFocus();
    expect(tabStops()).toEqual([tab('Demo data')]);
  });

  it('keeps the tab the user picked when an earlier read of the settings answers late', async () => {
    const user = userEvent.setup();
    const view = { settings: DEFAULT_SETTINGS, connections: { hubspotConnected: false, salesforceConnected: false } };
    let answerFirst: (v: SettingsView) => void = () => undefined;
    const api = {
      getSettings: vi
        .fn<() => Promise<SettingsView>>()
        .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
        .mockResolvedValue(view),
      getConnection: vi.fn(async () => null),
      salesforceCallbackUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    } as unknown as PageApi;
    const { rerender } = render(<DataSourcePanel api={api} importPanel={null} onChanged={() => undefined} version={0} />);
    // The page reloads its data (version 1) before the first read answers.
    rerender(<DataSourcePanel api={api} importPanel={null} onChanged={() => undefined} version={1} />);
    await user.click(await screen.findByRole('tab', { name: 'Salesforce' }));
    answerFirst(view);
    await waitFor(() => expect(api.getSettings).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('tab', { name: 'Salesforce' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('salesforce-callback-url')).toBeInTheDocument();
  });

  it('refuses a refresh interval below a minute in words, before asking the background', async () => {
    const user = userEvent.setup();
    const api = fakeSettingsApi();
    render(<DataSourcePanel api={api} importPanel={null} onChanged={() => undefined} />);
    await user.click(await screen.findByRole('tab', { name: 'HubSpot' }));
    const ttl = screen.getByLabelText('Refresh CRM contacts after (minutes)');
    await user.clear(ttl);
    await user.type(ttl, '0');
    await user.click(screen.getByRole('button', { name: 'Save cache settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Enter how often to refresh CRM contacts as whole minutes, 1 or more, then save again\.$/,
    );
    expect(api.saveSettings).not.toHaveBeenCalled();
  });
});

const VIEW: SettingsView = {
  settings: { ...DEFAULT_SETTINGS, source: 'demo' },
  connections: { hubspotConnected: false, salesforceConnected: false },
};

function fakeDataApi(summary: DataSummary) {
  return {
    getSettings: vi.fn(async () => VIEW),
    saveSettings: vi.fn(async () => VIEW),
    getConnection: vi.fn(async () => null),
    resetDemoData: vi.fn(async () => ({ sourceName: 'Demo data', dataAsOf: null, contactCount: 600, unsentFeedback: 0 })),
    getDataSummary: vi.fn(async () => summary),
  };
}

async function useDemoData(api: ReturnType<typeof fakeDataApi>) {
  render(<DataSourcePanel api={api as unknown as PageApi} importPanel={null} onChanged={() => undefined} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Use demo data' }));
}

describe('a CRM connection that needs the user', () => {
  it('is explained where Reconnect leads, and the notice goes once a new token is accepted', async () => {
    const user = userEvent.setup();
    const refused = 'HubSpot did not accept the access token. Check the private-app token in Leadlight settings.';
    const hubspot = SettingsSchema.parse({ source: 'hubspot' });
    const before: SettingsView = { settings: hubspot, connections: { hubspotConnected: true, salesforceConnected: false } };
    const after: SettingsView = {
      settings: hubspot,
      connections: { hubspotConnected: true, hubspotAccount: { portalId: 123456 }, salesforceConnected: false },
    };
    let health: ConnectionStatus = {
      id: 'hubspot',
      label: 'HubSpot',
      health: { state: 'needs_user', since: '2026-11-20T10:00:00.000Z', message: refused, kind: 'auth' },
    };
    const api = {
      getSettings: vi.fn(async () => before),
      saveSettings: vi.fn(async () => after),
      requestOrigins: vi.fn(async () => true),
      setHubspotToken: vi.fn(async () => {
        health = { id: 'hubspot', label: 'HubSpot', health: { state: 'healthy' } };
        return after;
      }),
      getConnection: vi.fn(async () => health),
    } as unknown as PageApi;
    render(<DataSourcePanel api={api} importPanel={null} onChanged={() => undefined} />);
    expect(await screen.findByTestId('connection-notice')).toHaveTextContent(`HubSpot needs you`);
    expect(screen.getByTestId('connection-notice')).toHaveTextContent(refused);
    await user.type(screen.getByLabelText('Private-app access token'), 'pat-na1-fresh-token-1234');
    await user.click(screen.getByRole('button', { name: 'Use HubSpot' }));
    await waitFor(() => expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument());
  });
});

describe('Use demo data', () => {
  it('asks before replacing an import and says what will be lost; Cancel changes nothing', async () => {
    const api = fakeDataApi({ sourceName: 'Import: q3.csv', demo: false, contacts: 1234, touches: 9876, campaigns: 45, feedback: 1 });
    await useDemoData(api);
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the current data?' });
    expect(dialog).toHaveTextContent(
      'This removes 1,234 contacts, 9,876 campaign touches and 45 campaigns from “Import: q3.csv” in this browser. The 1 verdict you have given is kept.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.resetDemoData).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Use demo data' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace with demo data' }));
    await waitFor(() => expect(api.resetDemoData).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Demo data loaded. Feedback you have given is kept.')).toBeInTheDocument();
  });

  it('reloads the demo without asking when the demo is what would be replaced', async () => {
    const api = fakeDataApi({
      sourceName: 'Demo data (Brightwave Analytics)',
      demo: true,
      contacts: 600,
      touches: 4100,
      campaigns: 18,
      feedback: 0,
    });
    await useDemoData(api);
    await waitFor(() => expect(api.resetDemoData).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
