import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HubspotSettings } from '@/components/options/hubspot-settings';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { SettingsSchema } from '@/lib/settings/settings';

const notConnected: SettingsView = {
  settings: SettingsSchema.parse({ source: 'demo' }),
  connections: { hubspotConnected: false, salesforceConnected: false },
};
// The portal as /account-info/v3/details names it (tests/fixtures/http/hubspot/account-info-details.json).
const connected: SettingsView = {
  settings: SettingsSchema.parse({ source: 'hubspot' }),
  connections: { hubspotConnected: true, hubspotAccount: { portalId: 123456, uiDomain: 'app.hubspot.com' }, salesforceConnected: false },
};

function api(setHubspotToken: PageApi['setHubspotToken'], prepared: { ready: boolean; problem?: string } = { ready: true }) {
  return {
    requestOrigins: vi.fn(async () => true),
    setHubspotToken: vi.fn(setHubspotToken),
    saveSettings: vi.fn(async () => connected),
    prepareCrmWriteBack: vi.fn(async () => prepared),
  } as unknown as PageApi & { setHubspotToken: ReturnType<typeof vi.fn>; saveSettings: ReturnType<typeof vi.fn> };
}

describe('HubspotSettings', () => {
  it('says which portal a checked token belongs to', async () => {
    const onChange = vi.fn();
    const fake = api(async () => connected);
    const { rerender } = render(<HubspotSettings api={fake} view={notConnected} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Private-app access token'), 'pat-na1-good-token-1234');
    await userEvent.click(screen.getByRole('button', { name: 'Use HubSpot' }));
    expect(await screen.findByRole('status')).toHaveTextContent('HubSpot account 123456 is the data source.');
    expect(fake.setHubspotToken).toHaveBeenCalledWith('pat-na1-good-token-1234');
    rerender(<HubspotSettings api={fake} view={onChange.mock.calls[0]![0] as SettingsView} onChange={onChange} />);
    expect(screen.getByTestId('hubspot-status')).toHaveTextContent('connected to HubSpot account 123456 (app.hubspot.com)');
  });

  it('says plainly when the Leadlight properties could not be created, and that notes are still written', async () => {
    const problem =
      'Leadlight could not set up its HubSpot contact properties (The HubSpot private app needs the crm.schemas.contacts.write scope.) Verdicts are written as notes only.';
    const fake = api(async () => connected, { ready: false, problem });
    render(<HubspotSettings api={fake} view={notConnected} onChange={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Private-app access token'), 'pat-na1-good-token-1234');
    await userEvent.click(screen.getByRole('button', { name: 'Use HubSpot' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`HubSpot account 123456 is the data source. ${problem}`);
  });

  it('keeps a refused token out of settings and in the field, with HubSpot’s reason', async () => {
    const onChange = vi.fn();
    const fake = api(async () => {
      throw new Error('HubSpot did not accept the access token. Paste the private app’s current token.');
    });
    render(<HubspotSettings api={fake} view={notConnected} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Private-app access token'), 'pat-na1-mistyped');
    await userEvent.click(screen.getByRole('button', { name: 'Use HubSpot' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('HubSpot did not accept the access token');
    expect(fake.saveSettings).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Private-app access token')).toHaveValue('pat-na1-mistyped');
    expect(screen.getByTestId('hubspot-status')).toHaveTextContent('not connected');
  });
});
