import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DangerZone } from '@/components/options/danger-zone';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { SettingsView } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { createPersona } from '../factories';

function dangerApi(connections: Partial<SettingsView['connections']> = {}) {
  const calls: string[] = [];
  return {
    calls,
    getSettings: vi.fn(async () => ({
      settings: DEFAULT_SETTINGS,
      connections: { hubspotConnected: false, salesforceConnected: false, ...connections },
    })),
    listPersonas: vi.fn(async () => [createPersona({ id: 'ops-leader' }), createPersona({ id: 'it-buyer' }), createPersona({ id: 'cfo' })]),
    getReasons: vi.fn(async () => FEEDBACK_REASONS.slice(0, 5)),
    disconnectSalesforce: vi.fn(async () => {
      calls.push('disconnect');
      return { settings: DEFAULT_SETTINGS, connections: { hubspotConnected: false, salesforceConnected: false }, revoked: true };
    }),
    deleteAllLocalData: vi.fn(async () => {
      calls.push('delete');
      return { sourceName: 'No data loaded', dataAsOf: null, contactCount: 0, unsentFeedback: 0 };
    }),
  };
}

async function askToDelete(api: ReturnType<typeof dangerApi>, unsent = 0) {
  render(<DangerZone api={api} unsent={unsent} onDeleted={vi.fn()} />);
  await userEvent.click(screen.getByRole('button', { name: 'Delete all local data…' }));
  return within(await screen.findByTestId('delete-losses'));
}

describe('Delete all local data', () => {
  it('names everything that goes beyond the cache, with counts, and how to keep the team’s work', async () => {
    const losses = await askToDelete(dangerApi({ salesforceConnected: true, salesforceInstance: 'brightwave.my.salesforce.com' }), 4);
    expect(losses.getByText(/^4 verdicts given in this browser that have not reached a CRM/)).toBeInTheDocument();
    expect(losses.getByText(/Your teammates’ verdicts merged from feedback files or read from the CRM/)).toBeInTheDocument();
    expect(
      losses.getByText(/The team’s 3 personas and 5 feedback reasons\. Keep them first with “Export personas and reasons”/),
    ).toBeInTheDocument();
    expect(
      losses.getByText(/The Salesforce sign-in to brightwave\.my\.salesforce\.com\. Leadlight disconnects it first/),
    ).toBeInTheDocument();
  });

  it('revokes a Salesforce sign-in before deleting, as Disconnect does, and says so', async () => {
    const api = dangerApi({ salesforceConnected: true });
    await askToDelete(api);
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'All local data was deleted. Leadlight’s access to Salesforce was revoked.',
    );
    expect(api.calls).toEqual(['disconnect', 'delete']);
  });

  it('says a HubSpot token still works in HubSpot, and deletes without a Salesforce disconnect when none is connected', async () => {
    const api = dangerApi({ hubspotConnected: true });
    const losses = await askToDelete(api);
    expect(losses.getByText(/The HubSpot private-app token\. It is only forgotten here and still works in HubSpot/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(api.calls).toEqual(['delete']));
  });
});
