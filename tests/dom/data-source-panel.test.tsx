import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataSourcePanel } from '@/components/options/data-source-panel';
import type { PageApi } from '@/lib/messaging/page-client';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

function fakeApi() {
  const view = { settings: DEFAULT_SETTINGS, connections: { hubspotConnected: false, salesforceConnected: false } };
  return { getSettings: vi.fn(async () => view), saveSettings: vi.fn(async () => view) } as unknown as PageApi;
}

describe('DataSourcePanel', () => {
  it('shows CRM cache settings only on the HubSpot and Salesforce tabs', async () => {
    const user = userEvent.setup();
    render(<DataSourcePanel api={fakeApi()} importPanel={<p>import</p>} onChanged={() => undefined} />);
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

  it('refuses a refresh interval below a minute in words, before asking the background', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
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
