import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SlaSettings } from '@/components/options/sla-settings';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

function fakeApi() {
  const view = { settings: DEFAULT_SETTINGS, connections: { hubspotConnected: false, salesforceConnected: false } };
  return { getSettings: vi.fn(async () => view), saveSettings: vi.fn(async () => view) };
}

describe('SlaSettings time zone', () => {
  it('offers the zones as a searchable list', () => {
    render(<SlaSettings api={fakeApi()} />);
    const box = screen.getByLabelText('Time zone');
    const list = document.getElementById(box.getAttribute('list')!)!;
    const values = [...list.querySelectorAll('option')].map((o) => o.value);
    expect(values).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC']));
    expect(values.length).toBeGreaterThan(300);
  });

  it('refuses a zone that is not on the list with one plain sentence, and saves nothing', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<SlaSettings api={api} />);
    const box = screen.getByLabelText('Time zone');
    await user.clear(box);
    await user.type(box, 'Mars/Olympus');
    await user.click(screen.getByRole('button', { name: 'Save SLA' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Choose the SLA time zone from the list, then save again\.$/);
    expect(box).toHaveAccessibleDescription(expect.stringContaining('Choose a time zone from the list.'));
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('saves the listed spelling of a zone typed in lower case', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<SlaSettings api={api} />);
    const box = screen.getByLabelText('Time zone');
    await user.clear(box);
    await user.type(box, 'europe/berlin');
    await user.click(screen.getByRole('button', { name: 'Save SLA' }));
    expect(api.saveSettings).toHaveBeenCalledWith({ sla: expect.objectContaining({ timeZone: 'Europe/Berlin' }) });
  });
});
