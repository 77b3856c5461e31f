import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/options-app';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

/** The options page's API: what a test names answers, everything else never answers (panels stay loading). */
function optionsApi(answers: Partial<PageApi>): PageApi {
  return new Proxy(answers, {
    get: (target, name: string) => target[name as keyof PageApi] ?? (() => new Promise(() => undefined)),
  }) as PageApi;
}

const HOLIDAY = 'Hand-off SLA: a holiday “2026-02-30” could not be used (That day does not exist), so Leadlight left it out.';

describe('the options page', () => {
  it('says which saved settings Leadlight repaired, at the top of the page', async () => {
    const view = {
      settings: { ...DEFAULT_SETTINGS, repairs: [{ field: 'sla', message: HOLIDAY, defaulted: false }] },
      connections: { hubspotConnected: false, salesforceConnected: false },
    } satisfies SettingsView;
    const api = optionsApi({
      getStatus: vi.fn(async () => ({ sourceName: 'Demo data', dataAsOf: null, contactCount: 600, unsentFeedback: 0 })),
      listFeedback: vi.fn(async () => []),
      getReasons: vi.fn(async () => []),
      getSettings: vi.fn(async () => view),
    });
    render(<OptionsApp api={api} />);
    const notice = await screen.findByTestId('settings-repairs');
    expect(within(notice).getByText('Some saved settings could not be used as they were')).toBeInTheDocument();
    expect(within(notice).getByText(HOLIDAY)).toBeInTheDocument();
  });

  it('drops the notice once the section it names is saved and its save keeps no repair', async () => {
    const repaired = {
      settings: {
        ...DEFAULT_SETTINGS,
        repairs: [{ field: 'rep', message: 'You: a name over 200 characters was left out.', defaulted: false }],
      },
      connections: { hubspotConnected: false, salesforceConnected: false },
    } satisfies SettingsView;
    const fixed = { ...repaired, settings: { ...DEFAULT_SETTINGS, rep: { email: 'alex.rivera@brightwave.example' } } };
    const api = optionsApi({
      getStatus: vi.fn(async () => ({ sourceName: 'Demo data', dataAsOf: null, contactCount: 600, unsentFeedback: 0 })),
      listFeedback: vi.fn(async () => []),
      getReasons: vi.fn(async () => []),
      getSettings: vi.fn(async () => repaired),
      saveSettings: vi.fn(async () => fixed),
    });
    render(<OptionsApp api={api} />);
    await screen.findByTestId('settings-repairs');
    const you = screen.getByTestId('rep-identity');
    await waitFor(() => expect(within(you).getByRole('button', { name: 'Save' })).toBeEnabled());
    await userEvent.type(within(you).getByLabelText('Your work email'), 'alex.rivera@brightwave.example');
    await userEvent.click(within(you).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByTestId('settings-repairs')).not.toBeInTheDocument());
  });
});
