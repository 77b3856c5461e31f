import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '@/components/sidebar/sidebar';
import { createContactContext } from '../factories';
import { deferred, fakeSidebarApi, rowsFor } from './fakes';

const ADA = 'ada.lovelace@analytical.example';
const NEWCOMER = 'new.person@other.example';
const GRACE = 'grace.hopper@navy.example';
const ada = createContactContext({ contact: { email: ADA, name: 'Ada Lovelace' } });
const grace = createContactContext({ contact: { email: GRACE, name: 'Grace Hopper' } });

/** Ada on screen with a note half typed; then someone the background must still read joins the thread. */
async function newcomerJoins() {
  const api = fakeSidebarApi({ [ADA]: ada });
  const slow = deferred<ReturnType<typeof rowsFor>>();
  api.getContexts.mockImplementation(async (emails: string[]) =>
    emails.includes(NEWCOMER) ? slow.promise : rowsFor(emails, { [ADA]: ada }),
  );
  const view = render(<Sidebar api={api} participants={[{ email: ADA }]} initialOpen />);
  await userEvent.click(await screen.findByRole('button', { name: 'Bad lead' }));
  await userEvent.type(screen.getByRole('textbox'), 'budget frozen until Q3');
  view.rerender(<Sidebar api={api} participants={[{ email: ADA }, { email: NEWCOMER }]} initialOpen />);
  return { slow };
}

describe('Sidebar, when someone joins the thread on screen', () => {
  it('keeps the contact shown, and the note being typed, while the newcomer is read', async () => {
    const { slow } = await newcomerJoins();
    expect(screen.queryByTestId('state-loading')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox')).toHaveValue('budget frozen until Q3');
    const tablist = screen.getByRole('tablist', { name: 'People in this thread' });
    // Whether the newcomer has a record is not known yet, and the switcher does not claim either.
    expect(within(tablist).getByRole('tab', { name: `${NEWCOMER} (loading)` })).toBeInTheDocument();
    await act(async () => slow.resolve(rowsFor([ADA, NEWCOMER], { [ADA]: ada })));
    expect(screen.getByRole('textbox')).toHaveValue('budget frozen until Q3');
    expect(within(tablist).getByRole('tab', { name: `${NEWCOMER} (no record)` })).toBeInTheDocument();
  });

  it('shows the newcomer as loading when picked before their read answers, then what it found', async () => {
    const { slow } = await newcomerJoins();
    await userEvent.click(screen.getByRole('tab', { name: /new\.person/ }));
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    await act(async () => slow.resolve(rowsFor([ADA, NEWCOMER], { [ADA]: ada })));
    expect(screen.getByText(`No marketing record for ${NEWCOMER}`)).toBeInTheDocument();
  });

  it('gives only the newcomer the reason when their read fails, keeping the contact on screen', async () => {
    const { slow } = await newcomerJoins();
    await act(async () => slow.reject(new Error('Background did not answer')));
    expect(screen.getByRole('textbox')).toHaveValue('budget frozen until Q3');
    // The background never said the newcomer has no record.
    const tablist = screen.getByRole('tablist', { name: 'People in this thread' });
    expect(within(tablist).getByRole('tab', { name: `${NEWCOMER} (could not be read)` })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: /new\.person/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Background did not answer');
  });

  it('keeps the contact on screen when a newcomer with a record is listed first, also once they are read', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    const slow = deferred<ReturnType<typeof rowsFor>>();
    api.getContexts.mockImplementation(async (emails: string[]) =>
      emails.includes(GRACE) ? slow.promise : rowsFor(emails, { [ADA]: ada }),
    );
    const view = render(<Sidebar api={api} participants={[{ email: ADA }]} initialOpen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bad lead' }));
    await userEvent.click(screen.getByRole('radio', { name: 'No budget' }));
    await userEvent.type(screen.getByRole('textbox'), 'budget frozen until Q3');
    // A compose puts the new recipient first.
    view.rerender(<Sidebar api={api} participants={[{ email: GRACE }, { email: ADA }]} initialOpen />);
    await act(async () => slow.resolve(rowsFor([GRACE, ADA], { [ADA]: ada, [GRACE]: grace })));

    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('textbox')).toHaveValue('budget frozen until Q3');
    expect(screen.getByRole('radio', { name: 'No budget' })).toBeChecked();
    expect(screen.getByRole('tab', { name: ADA })).toHaveAttribute('aria-selected', 'true');
    // Once she leaves the page, the one with a record who is still there is shown.
    api.getContexts.mockImplementation(async (emails: string[]) => rowsFor(emails, { [ADA]: ada, [GRACE]: grace }));
    view.rerender(<Sidebar api={api} participants={[{ email: GRACE }, { email: NEWCOMER }]} initialOpen />);
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
  });
});
