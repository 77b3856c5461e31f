import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SlaSettings } from '@/components/options/sla-settings';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

function fakeApi() {
  // Not the demo: its SLA's zone would be filled in as the test types.
  const view = {
    settings: { ...DEFAULT_SETTINGS, source: 'import' as const },
    connections: { hubspotConnected: false, salesforceConnected: false },
  };
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

describe('SlaSettings before the team sets one', () => {
  const apiWith = (source: 'demo' | 'import') => {
    const view = { settings: { ...DEFAULT_SETTINGS, source }, connections: { hubspotConnected: false, salesforceConnected: false } };
    return { getSettings: vi.fn(async () => view), saveSettings: vi.fn(async () => view) };
  };

  it('names the SLA the demo data runs on, the demo company’s in London, not the browser’s zone', async () => {
    render(<SlaSettings api={apiWith('demo')} />);
    expect(
      await screen.findByText('Not set yet; the demo data uses its company’s SLA: 4 business hours, Mon–Fri 09:00–17:00 in Europe/London.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/London');
  });

  it('names the default in the browser’s zone for other sources', async () => {
    render(<SlaSettings api={apiWith('import')} />);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(await screen.findByText(`Not set yet; the sidebar uses 4 business hours, Mon–Fri 9:00–17:00 in ${zone}.`)).toBeInTheDocument();
  });
});
