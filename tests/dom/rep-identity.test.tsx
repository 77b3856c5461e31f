import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RepIdentity } from '@/components/options/rep-identity';
import type { SettingsView } from '@/lib/messaging/protocol';

describe('RepIdentity', () => {
  it('waits for the saved identity before it can be edited, so typing is never overwritten by it', async () => {
    let answer!: (view: SettingsView) => void;
    const getSettings = vi.fn(() => new Promise<SettingsView>((resolve) => (answer = resolve)));
    render(<RepIdentity api={{ getSettings, saveSettings: vi.fn() }} />);
    const email = screen.getByLabelText<HTMLInputElement>('Your work email');
    expect(email).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    answer({ settings: { rep: { email: 'sam.ortiz@brightwave.example' } } } as unknown as SettingsView);
    await waitFor(() => expect(email).toBeEnabled());
    expect(email.value).toBe('sam.ortiz@brightwave.example');
  });
});

describe('RepIdentity: the company’s other domains', () => {
  it('shows the saved list and saves what the rep typed, split at commas and spaces', async () => {
    const getSettings = vi.fn(async () => ({ settings: { rep: {}, companyDomains: ['brightwave.io'] } }) as unknown as SettingsView);
    const saveSettings = vi.fn(async () => undefined);
    render(<RepIdentity api={{ getSettings, saveSettings: saveSettings as never }} />);
    const domains = screen.getByLabelText<HTMLInputElement>('Your company’s other email domains (optional)');
    await waitFor(() => expect(domains.value).toBe('brightwave.io'));
    await userEvent.clear(domains);
    await userEvent.type(domains, 'brightwave.io,  brightwave.de ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saveSettings).toHaveBeenCalled());
    expect(saveSettings).toHaveBeenCalledWith({
      rep: { email: undefined, name: undefined },
      companyDomains: ['brightwave.io', 'brightwave.de'],
    });
  });
});
