import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WorkedStatuses } from '@/components/options/worked-statuses';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';

function fakeApi(settings: Settings) {
  let current = settings;
  const view = () => ({ settings: current, connections: { hubspotConnected: false, salesforceConnected: false } });
  return {
    getSettings: vi.fn(async () => view()),
    saveSettings: vi.fn(async (patch: Partial<Settings>) => {
      current = { ...current, ...patch };
      return view();
    }),
  };
}

describe('Worked statuses editor', () => {
  it('shows the current source’s defaults and saves an edited list for that source only', async () => {
    const api = fakeApi({ ...DEFAULT_SETTINGS, source: 'salesforce', workedStatuses: { hubspot: ['Called'] } });
    render(<WorkedStatuses api={api} />);
    const box = await screen.findByRole('textbox', { name: /worked, for Salesforce/ });
    await waitFor(() => expect((box as HTMLTextAreaElement).value.split('\n')).toContain('Working - Contacted'));
    await userEvent.clear(box);
    await userEvent.type(box, 'Working - Contacted\nLeft voicemail\n\nLeft voicemail');
    await userEvent.click(screen.getByRole('button', { name: 'Save statuses' }));
    expect(api.saveSettings).toHaveBeenLastCalledWith({
      workedStatuses: { hubspot: ['Called'], salesforce: ['Working - Contacted', 'Left voicemail'] },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
    await userEvent.click(screen.getByRole('button', { name: 'Use the defaults' }));
    expect(api.saveSettings).toHaveBeenLastCalledWith({ workedStatuses: { hubspot: ['Called'] } });
    await waitFor(() => expect((box as HTMLTextAreaElement).value.split('\n')).toContain('Closed - Not Converted'));
  });
});
