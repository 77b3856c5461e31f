import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SalesforceSettings } from '@/components/options/salesforce-settings';
import type { SettingsView } from '@/lib/messaging/protocol';
import { SettingsSchema } from '@/lib/settings/settings';

const view: SettingsView = {
  settings: SettingsSchema.parse({ source: 'salesforce', salesforce: { clientId: '3MVG9-consumer-key' } }),
  connections: { hubspotConnected: false, salesforceConnected: true, salesforceInstance: 'brightwave.my.salesforce.com' },
};
const disconnected = { ...view, connections: { hubspotConnected: false, salesforceConnected: false } };

function api(result: Awaited<ReturnType<NonNullable<Parameters<typeof SalesforceSettings>[0]['api']['disconnectSalesforce']>>>) {
  return {
    requestOrigins: vi.fn(async () => true),
    saveSettings: vi.fn(async () => view),
    connectSalesforce: vi.fn(async () => view),
    disconnectSalesforce: vi.fn(async () => result),
    salesforceCallbackUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    getSalesforceFields: vi.fn(async () => []),
    getReasons: vi.fn(async () => []),
  };
}

describe('SalesforceSettings', () => {
  it('keeps the verdict fields the admin mapped when signing in again', async () => {
    const verdictFields = { Lead: { verdict: { field: 'Status', values: { bad: 'Unqualified' } } } };
    const mapped = { ...view, settings: { ...view.settings, salesforce: { ...view.settings.salesforce, verdictFields } } };
    const fake = api({ ...disconnected, revoked: true });
    render(<SalesforceSettings api={fake} view={mapped} onChange={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reconnect Salesforce' }));
    await screen.findByRole('status');
    expect(fake.saveSettings).toHaveBeenCalledWith({
      salesforce: { clientId: '3MVG9-consumer-key', loginHost: 'login.salesforce.com', verdictFields },
    });
  });

  it('asks for and saves the bare host when a login address is pasted', async () => {
    const fake = api({ ...disconnected, revoked: true });
    render(<SalesforceSettings api={fake} view={disconnected} onChange={() => {}} />);
    const host = screen.getByLabelText(/Login host/);
    await userEvent.clear(host);
    await userEvent.type(host, 'https://Brightwave.my.salesforce.com/');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Salesforce' }));
    await screen.findByRole('status');
    expect(fake.requestOrigins).toHaveBeenCalledWith(['https://brightwave.my.salesforce.com/*', 'https://*.my.salesforce.com/*']);
    expect(fake.saveSettings).toHaveBeenCalledWith({
      salesforce: { clientId: '3MVG9-consumer-key', loginHost: 'brightwave.my.salesforce.com' },
    });
    expect(host).toHaveValue('brightwave.my.salesforce.com');
  });

  it('says plainly when the login host is not a Salesforce one, before asking the browser for anything', async () => {
    const fake = api({ ...disconnected, revoked: true });
    render(<SalesforceSettings api={fake} view={disconnected} onChange={() => {}} />);
    const host = screen.getByLabelText(/Login host/);
    await userEvent.clear(host);
    await userEvent.type(host, 'brightwave.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Salesforce' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“brightwave.example.com” is not a Salesforce login host.');
    expect(fake.requestOrigins).not.toHaveBeenCalled();
  });

  it('shows the exact callback URL an admin registers in the connected app', () => {
    render(<SalesforceSettings api={api({ ...disconnected, revoked: true })} view={view} onChange={() => {}} />);
    expect(screen.getByTestId('salesforce-callback-url')).toHaveTextContent('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/');
  });

  it('says when Salesforce revoked the access, and what to do when it could not be told', async () => {
    const { unmount } = render(<SalesforceSettings api={api({ ...disconnected, revoked: true })} view={view} onChange={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Salesforce has revoked Leadlight’s access');
    unmount();
    const failing = api({
      ...disconnected,
      revoked: false,
      revokeError: 'Could not reach Salesforce. Remove Leadlight under Connected Apps.',
    });
    render(<SalesforceSettings api={failing} view={view} onChange={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Disconnected in this browser. Could not reach Salesforce.');
  });
});
