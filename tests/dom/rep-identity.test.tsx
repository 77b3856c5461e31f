import { render, screen, waitFor } from '@testing-library/react';
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
