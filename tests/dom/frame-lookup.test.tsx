import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Sidebar, type SidebarLayout } from '@/components/sidebar/sidebar';
import { createContactContext } from '../factories';
import { fakeSidebarApi } from './fakes';

const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';
const ada = createContactContext({ contact: { email: ADA, name: 'Ada Lovelace' } });
const grace = createContactContext({ contact: { email: GRACE, name: 'Grace Hopper' } });

/** A thread with Grace on screen; the rep then looks Ada up from the context menu (the page lists her first). */
async function graceOnScreen(initialOpen = true) {
  const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
  const onLayoutChange = vi.fn((_layout: SidebarLayout) => undefined);
  const view = render(
    <Sidebar api={api} participants={[{ email: GRACE }]} initialOpen={initialOpen} framed onLayoutChange={onLayoutChange} />,
  );
  const lookUp = (email: string, seq: number) =>
    view.rerender(
      <Sidebar
        api={api}
        participants={[{ email }, ...[{ email: GRACE }].filter((p) => p.email !== email)]}
        lookup={{ email, seq }}
        initialOpen={initialOpen}
        framed
        onLayoutChange={onLayoutChange}
      />,
    );
  return { api, onLayoutChange, lookUp };
}

describe('a context-menu lookup on a page with a thread open', () => {
  it('shows the person looked up, not the contact that was on screen', async () => {
    const { lookUp } = await graceOnScreen();
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    lookUp(ADA, 1);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Grace Hopper' })).not.toBeInTheDocument();
  });

  it('shows them again when looked up again after the rep picked someone else', async () => {
    const { lookUp } = await graceOnScreen();
    await screen.findByRole('heading', { name: 'Grace Hopper' });
    lookUp(ADA, 1);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await userEvent.click(screen.getByRole('tab', { name: /Grace Hopper|grace\.hopper/ }));
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    lookUp(ADA, 2);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });

  it('opens a collapsed sidebar on the person looked up, and keeps it open from then on', async () => {
    const { api, onLayoutChange, lookUp } = await graceOnScreen(false);
    expect(await screen.findByTestId('sidebar-tab')).toBeInTheDocument();
    lookUp(ADA, 1);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByTestId('sidebar-tab')).not.toBeInTheDocument();
    expect(onLayoutChange).toHaveBeenLastCalledWith('panel');
    await waitFor(() => expect(api.saveOpen).toHaveBeenCalledWith(true));
  });
});
