import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { ContactSummary } from '@/lib/db/contact-repository';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupApi } from '@/components/popup/popup-app';

import type { CacheStatus } from '@/lib/messaging/protocol';
import { createContactContext } from '../factories';
import { deferred, fakeFeedbackActions } from './fakes';

const PRIYA = 'priya.natarajan@northwind-logistics.example';
const priya = createContactContext({
  contact: { email: PRIYA, name: 'Priya Natarajan', title: 'Director of Supply Chain', company: 'Northwind Logistics' },
});

function fakePageApi(status: Partial<CacheStatus> = {}) {
  return {
    ...fakeFeedbackActions(),
    getStatus: vi.fn(async (): Promise<CacheStatus> => ({
      sourceName: 'Demo CRM',
      dataAsOf: '2026-03-06T12:00:00.000Z',
      contactCount: 1234,
      unsentFeedback: 3,
      ...status,
    })),
    search: vi.fn(async (_query: string): Promise<ContactSummary[]> => [
      { email: PRIYA, name: 'Priya Natarajan', title: 'Director of Supply Chain', company: 'Northwind Logistics' },
      { email: 'prince.ade@fjordins.example', name: 'Prince Ade' },
    ]),
    getContext: vi.fn(async (email: string) => (email === PRIYA ? priya : null)),
    listFeedback: vi.fn(async () => []),
    resetDemoData: vi.fn(),
    getDiagnostics: vi.fn(async () => []),
    openOptions: vi.fn(),
  } satisfies PopupApi & Record<string, unknown>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PopupApp', () => {
  it('lists the rep’s overdue hand-offs first, then those due soon, and opens any of them', async () => {
    const api = {
      ...fakePageApi(),
      getQueue: vi.fn(async () => ({
        owner: 'Alex Rivera',
        overdue: 1,
        dueSoon: 1,
        items: [
          { email: 'late@lead.example', name: 'Late Lead', state: 'overdue' as const, dueAt: '2026-11-24T13:00:00.000Z', duration: '7 h' },
          {
            email: PRIYA,
            name: 'Priya Natarajan',
            company: 'Northwind Logistics',
            state: 'due_soon' as const,
            dueAt: '2026-11-25T13:00:00.000Z',
            duration: '30 min',
          },
        ],
      })),
    };
    render(<PopupApp api={api} />);
    const queue = await screen.findByTestId('rep-queue');
    expect(queue).toHaveTextContent('Your hand-offs: 1 overdue, 1 due soon');
    const items = within(queue).getAllByTestId('queue-item');
    expect(items.map((i) => i.textContent)).toEqual(['Late Leadoverdue 7 h', 'Priya Natarajan · Northwind Logisticsdue in 30 min']);
    await userEvent.click(items[1]!);
    expect(api.getContext).toHaveBeenCalledWith(PRIYA);
    expect(await screen.findByText('Director of Supply Chain', { exact: false })).toBeInTheDocument();
  });

  it('says a hand-off past the day’s close is due as work starts, gives due times with their time of day, and says when the data names no owners', async () => {
    const api = {
      ...fakePageApi(),
      getQueue: vi.fn(async () => ({
        owner: 'Alex Rivera',
        ownerless: true,
        overdue: 0,
        dueSoon: 1,
        items: [
          { email: 'eve@lead.example', name: 'Eve Lead', state: 'due_soon' as const, dueAt: '2026-11-25T00:00:00.000Z', duration: '' },
        ],
      })),
    };
    render(<PopupApp api={api} />);
    const queue = await screen.findByTestId('rep-queue');
    expect(queue).toHaveTextContent('Hand-offs (the data does not say whose they are): 0 overdue, 1 due soon');
    const [item] = within(queue).getAllByTestId('queue-item');
    expect(item).toHaveTextContent('Eve Leaddue as work starts');
    expect(within(item!).getByTitle(/^Due Nov 2\d, 2026, \d{1,2}:\d\d [AP]M$/)).toBeInTheDocument();
  });

  it('shows the contact picked last, even when an earlier pick answers after it', async () => {
    const ann = deferred<ReturnType<typeof createContactContext> | null>();
    const api = {
      ...fakePageApi(),
      getQueue: vi.fn(async () => ({
        owner: 'Alex Rivera',
        overdue: 2,
        dueSoon: 0,
        items: [
          { email: 'ann@lead.example', name: 'Ann Slow', state: 'overdue' as const, dueAt: '2026-11-24T13:00:00.000Z', duration: '7 h' },
          { email: PRIYA, name: 'Priya Natarajan', state: 'overdue' as const, dueAt: '2026-11-24T14:00:00.000Z', duration: '6 h' },
        ],
      })),
      getContext: vi.fn(async (email: string) => (email === PRIYA ? priya : ann.promise)),
    };
    render(<PopupApp api={api} />);
    const items = within(await screen.findByTestId('rep-queue')).getAllByTestId('queue-item');
    await userEvent.click(items[0]!);
    await userEvent.click(items[1]!);
    await screen.findByRole('article', { name: 'Marketing context for Priya Natarajan' });
    await act(async () => ann.resolve(createContactContext({ contact: { email: 'ann@lead.example', name: 'Ann Slow' } })));
    expect(screen.getByRole('article', { name: 'Marketing context for Priya Natarajan' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Marketing context for Ann Slow' })).toBeNull();
  });

  it('shows the data source and contact count', async () => {
    render(<PopupApp api={fakePageApi()} />);
    const status = await screen.findByTestId('cache-status');
    expect(within(status).getByTestId('source-name')).toHaveTextContent('Demo CRM');
    expect(status).toHaveTextContent('Contacts cached1,234');
  });

  it('says feedback is kept in this browser when no CRM is connected, not that it is unsent', async () => {
    render(<PopupApp api={fakePageApi({ unsentFeedback: 0, localFeedback: 3, crmConnected: false })} />);
    const status = await screen.findByTestId('cache-status');
    expect(within(status).getByTestId('feedback-delivery')).toHaveTextContent('3 kept in this browser; no CRM connected');
    expect(status).not.toHaveTextContent(/not yet sent/i);
  });

  it('tells feedback waiting for the CRM apart from feedback kept local by choice', async () => {
    render(<PopupApp api={fakePageApi({ unsentFeedback: 2, localFeedback: 1, crmConnected: true })} />);
    const delivery = await screen.findByTestId('feedback-delivery');
    expect(within(delivery).getByTestId('unsent-count')).toHaveTextContent('2 waiting to reach the CRM');
    expect(within(delivery).getByTestId('local-feedback')).toHaveTextContent(/^1 kept in this browser$/);
  });

  it('leaves feedback out when there is none to speak of', async () => {
    render(<PopupApp api={fakePageApi({ unsentFeedback: 0, localFeedback: 0 })} />);
    await screen.findByTestId('cache-status');
    expect(screen.queryByTestId('feedback-delivery')).not.toBeInTheDocument();
  });

  it('focuses the search box when it opens', async () => {
    render(<PopupApp api={fakePageApi()} />);
    expect(screen.getByRole('combobox', { name: 'Look up a contact' })).toHaveFocus();
  });

  it('moves through results with Up and Down and picks one with Enter', async () => {
    const user = userEvent.setup();
    const api = fakePageApi();
    render(<PopupApp api={api} />);
    const box = screen.getByRole('combobox', { name: 'Look up a contact' });
    await user.keyboard('pri');
    await screen.findAllByRole('option');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('option', { name: /Prince Ade/ })).toHaveAttribute('aria-selected', 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Prince Ade/ }).id);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { name: /Priya Natarajan/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(api.getContext).toHaveBeenCalledWith(PRIYA);
    await screen.findByRole('article', { name: 'Marketing context for Priya Natarajan' });
    expect(box).toHaveFocus();
  });

  it('opens the contact the query typed last finds, not the one an earlier query left on screen', async () => {
    const user = userEvent.setup();
    const api = fakePageApi();
    const daniel = deferred<ContactSummary[]>();
    api.search.mockImplementation(async (q: string) => (q === 'pri' ? [{ email: PRIYA, name: 'Priya Natarajan' }] : daniel.promise));
    render(<PopupApp api={api} />);
    await user.keyboard('pri');
    await screen.findByRole('option', { name: /Priya Natarajan/ });
    await user.keyboard('{ArrowDown}');
    const box = screen.getByRole('combobox', { name: 'Look up a contact' });
    await user.clear(box);
    await user.paste('daniel.kim@helixbio.example');
    await user.keyboard('{Enter}');
    // Priya's row is still on screen, but she is not who was asked for.
    expect(api.getContext).not.toHaveBeenCalled();
    await waitFor(() => expect(api.search).toHaveBeenCalledWith('daniel.kim@helixbio.example'));
    await act(async () => daniel.resolve([{ email: 'daniel.kim@helixbio.example', name: 'Daniel Kim' }]));
    await waitFor(() => expect(api.getContext).toHaveBeenCalledWith('daniel.kim@helixbio.example'));
    expect(api.getContext).toHaveBeenCalledTimes(1);
  });

  it('does not say "No cached contact matches" above the contact just picked', async () => {
    const user = userEvent.setup();
    const api = fakePageApi();
    render(<PopupApp api={api} />);
    await user.type(screen.getByRole('combobox', { name: 'Look up a contact' }), 'priya');
    await user.click(await screen.findByRole('option', { name: /Priya Natarajan/ }));
    await screen.findByRole('article');
    // Let any late debounce fire too.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByText('No cached contact matches.')).not.toBeInTheDocument();
  });

  it('says "never" when no data has been loaded', async () => {
    render(<PopupApp api={fakePageApi({ dataAsOf: null, contactCount: 0, unsentFeedback: 0 })} />);
    expect(await screen.findByTestId('cache-status')).toHaveTextContent('Data as ofnever');
  });

  it('shows why the status could not be read', async () => {
    const api = fakePageApi();
    api.getStatus.mockRejectedValue(new Error('No background'));
    render(<PopupApp api={api} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No background');
    expect(screen.queryByTestId('cache-status')).not.toBeInTheDocument();
  });

  it('looks a contact up once typing pauses, and opens the one picked', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakePageApi();
    render(<PopupApp api={api} />);
    await screen.findByTestId('cache-status');

    await user.type(screen.getByRole('combobox', { name: 'Look up a contact' }), 'pri');
    expect(api.search).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(200));
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith('pri');

    const results = screen.getByTestId('search-results');
    expect(within(results).getAllByRole('option')).toHaveLength(2);
    // Without title or company the email explains who it is.
    expect(within(results).getByRole('option', { name: /Prince Ade/ })).toHaveTextContent('prince.ade@fjordins.example');
    await user.click(within(results).getByRole('option', { name: /Priya Natarajan/ }));

    expect(api.getContext).toHaveBeenCalledWith(PRIYA);
    const view = await screen.findByRole('article', { name: 'Marketing context for Priya Natarajan' });
    expect(within(view).getByRole('heading', { name: 'Priya Natarajan' })).toBeInTheDocument();
    expect(view).toHaveTextContent('Director of Supply Chain · Northwind Logistics');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('sends feedback given in the popup to the background', async () => {
    const user = userEvent.setup();
    const api = fakePageApi();
    render(<PopupApp api={api} />);
    await user.type(screen.getByRole('combobox', { name: 'Look up a contact' }), 'priya');
    await user.click(await screen.findByRole('option', { name: /Priya Natarajan/ }));
    await screen.findByRole('article');

    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    expect(api.submit).toHaveBeenCalledWith(expect.objectContaining({ email: PRIYA, verdict: 'good' }));
  });

  it('opens the options page from the header', async () => {
    const api = fakePageApi();
    render(<PopupApp api={api} />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings & feedback' }));
    expect(api.openOptions).toHaveBeenCalledTimes(1);
  });

  it('says "No cached contact matches" only after the search has answered with nothing', async () => {
    const api = fakePageApi();
    const pending = deferred<ContactSummary[]>();
    api.search.mockReturnValue(pending.promise);
    render(<PopupApp api={api} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Look up a contact' }), 'pri');
    await waitFor(() => expect(api.search).toHaveBeenCalledWith('pri'));
    expect(screen.queryByText('No cached contact matches.')).not.toBeInTheDocument();
    await act(async () => pending.resolve([]));
    expect(screen.getByText('No cached contact matches.')).toBeInTheDocument();
  });

  it('says so when a picked contact has no record any more', async () => {
    const api = fakePageApi();
    api.getContext.mockResolvedValue(null);
    render(<PopupApp api={api} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Look up a contact' }), 'priya');
    await userEvent.click(await screen.findByRole('option', { name: /Priya Natarajan/ }));
    expect(await screen.findByTestId('state-unknown')).toHaveTextContent('No marketing record');
  });

  it('says once, at the top, that a CRM needs the user, and offers the way to reconnect', async () => {
    const api = {
      ...fakePageApi(),
      getConnection: vi.fn(async () => ({
        id: 'hubspot' as const,
        label: 'HubSpot',
        health: {
          state: 'needs_user' as const,
          kind: 'auth' as const,
          since: '2026-11-20T10:00:00.000Z',
          message: 'HubSpot did not accept the access token. Check the private-app token in Leadlight settings.',
        },
      })),
    };
    render(<PopupApp api={api} />);
    const notice = await screen.findByTestId('connection-notice');
    expect(notice).toHaveTextContent('HubSpot needs you');
    expect(notice).toHaveTextContent('HubSpot did not accept the access token.');
    expect(screen.getAllByTestId('connection-notice')).toHaveLength(1);
    await userEvent.click(within(notice).getByRole('button', { name: 'Reconnect HubSpot' }));
    expect(api.openOptions).toHaveBeenCalledTimes(1);
  });

  it('says until when a rate-limited CRM is left alone, and nothing about a healthy one', async () => {
    const limited = {
      ...fakePageApi(),
      getConnection: vi.fn(async () => ({
        id: 'salesforce' as const,
        label: 'Salesforce',
        health: {
          state: 'rate_limited' as const,
          until: '2026-11-20T11:00:00.000Z',
          message: 'Your Salesforce org has used its daily API allowance.',
        },
      })),
    };
    const { unmount } = render(<PopupApp api={limited} />);
    expect(await screen.findByTestId('connection-notice')).toHaveTextContent(
      /Salesforce asked Leadlight to wait; saved data is shown and Leadlight tries again after Nov 20, 2026/,
    );
    unmount();
    const healthy = {
      ...fakePageApi(),
      getConnection: vi.fn(async () => ({ id: 'hubspot' as const, label: 'HubSpot', health: { state: 'healthy' as const } })),
    };
    render(<PopupApp api={healthy} />);
    await screen.findByTestId('cache-status');
    await waitFor(() => expect(healthy.getConnection).toHaveBeenCalled());
    expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument();
  });
});
