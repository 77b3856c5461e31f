import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/sidebar/sidebar';
import type { ConnectionStatus } from '@/lib/messaging/protocol';
import { createContactContext } from '../factories';
import { fakeSidebarApi } from './fakes';

const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';
// What the background answers for each contact while HubSpot refuses the token (tests/unit/connection-status.test.ts).
const REFUSED = 'HubSpot did not accept the access token. Check the private-app token in Leadlight settings.';
const needsUser: ConnectionStatus = {
  id: 'hubspot',
  label: 'HubSpot',
  health: { state: 'needs_user', since: '2026-11-20T10:00:00.000Z', message: REFUSED, kind: 'auth' },
};

function apiWith(connection: ConnectionStatus, saved: Record<string, ReturnType<typeof createContactContext>> = {}) {
  const api = fakeSidebarApi();
  api.getContexts.mockImplementation(async (emails: string[]) =>
    emails.map((email) => ({ email, context: saved[email] ?? null, error: REFUSED })),
  );
  return { ...api, getConnection: vi.fn(async () => connection), openSettings: vi.fn() };
}

describe('Sidebar with a CRM connection that needs the user', () => {
  it('says so once, above whichever contact is shown, with the way to reconnect', async () => {
    const api = apiWith(needsUser);
    render(<Sidebar api={api} participants={[{ email: ADA }, { email: GRACE, name: 'Grace Hopper' }]} />);
    const notice = await screen.findByTestId('connection-notice');
    expect(notice).toHaveTextContent('HubSpot needs you');
    expect(screen.getAllByText(REFUSED)).toHaveLength(1);
    expect(screen.queryByTestId('state-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('state-not-saved')).toHaveTextContent(`Nothing saved yet for ${ADA}`);

    await userEvent.click(screen.getByRole('tab', { name: /Grace Hopper/ }));
    expect(screen.getAllByTestId('connection-notice')).toHaveLength(1);
    expect(screen.getAllByText(REFUSED)).toHaveLength(1);
    expect(screen.getByTestId('state-not-saved')).toHaveTextContent(`Nothing saved yet for ${GRACE}`);
    await userEvent.click(within(notice).getByRole('button', { name: 'Reconnect HubSpot' }));
    expect(api.openSettings).toHaveBeenCalledOnce();
  });

  it('shows saved data under the notice without repeating the reason on the contact', async () => {
    const ada = createContactContext({ contact: { email: ADA } });
    render(<Sidebar api={apiWith(needsUser, { [ADA]: ada })} participants={[{ email: ADA }]} />);
    expect(await screen.findByTestId('connection-notice')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByTestId('refresh-error')).not.toBeInTheDocument();
    expect(screen.getAllByText(REFUSED)).toHaveLength(1);
  });

  it('shows a contact’s own error, with Retry, while the connection is healthy', async () => {
    render(<Sidebar api={apiWith({ id: 'hubspot', label: 'HubSpot', health: { state: 'healthy' } })} participants={[{ email: ADA }]} />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent(REFUSED);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument();
  });
});
