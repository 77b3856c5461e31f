import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/sidebar/sidebar';
import type { ContactContext } from '@/lib/domain/contact-context';
import { createCampaign, createContactContext, createPersona, createTimelineEntry } from '../factories';
import { deferred, fakeSidebarApi, rowsFor } from './fakes';

const ADA = 'ada.lovelace@analytical.example';
const GRACE = 'grace.hopper@navy.example';
const STRANGER = 'new.hire@analytical.example';
const SELF = 'alex.rivera@brightwave.example';

const ada = createContactContext({
  contact: {
    email: ADA,
    originalSource: { channel: 'paid_search', detail: 'utm_campaign=ops-q1' },
    latestSource: { channel: 'trade_show_booth_scan', detail: 'Booth 14' },
  },
  timeline: [
    createTimelineEntry({
      id: 't-new',
      assetType: 'event',
      assetName: 'Booth visit',
      date: '2026-03-01T15:00:00.000Z',
      campaign: createCampaign({ name: 'Ops Summit 2026', type: 'event' }),
    }),
    createTimelineEntry({ id: 't-old', date: '2026-01-10T15:00:00.000Z', campaign: createCampaign({ name: 'Spring Webinar' }) }),
  ],
  personas: [
    createPersona(),
    createPersona({ id: 'fin', name: 'Finance Buyer', rules: [{ kind: 'department', values: ['finance'], weight: 1 }] }),
  ],
  source: { name: 'Demo CRM', dataAsOf: '2026-03-06T12:00:00.000Z' },
});
const grace = createContactContext({ contact: { email: GRACE, name: 'Grace Hopper' }, timeline: [] });

describe('Sidebar', () => {
  it('shows contexts the background sent with the page’s snapshot at once: no loading state, no request', () => {
    const api = {
      ...fakeSidebarApi(),
      takeOffered: vi.fn((emails: string[]) => (emails.join() === ADA ? rowsFor([ADA], { [ADA]: ada }) : undefined)),
    };
    render(<Sidebar api={api} participants={[{ email: ADA }]} selfEmail={SELF} />);

    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByText('Loading marketing context…')).not.toBeInTheDocument();
    expect(api.getContexts).not.toHaveBeenCalled();
  });

  it('puts the next contact sent with a snapshot on screen in one render: no “no record” view in between, no read', () => {
    const api = fakeSidebarApi();
    const offers = new Map([
      [ADA, rowsFor([ADA], { [ADA]: ada })],
      [GRACE, rowsFor([GRACE], { [GRACE]: grace })],
    ]);
    // Taken, as the frame's client hands them out: a second take finds nothing.
    const take = (emails: string[]) => {
      const rows = offers.get(emails.join());
      offers.delete(emails.join());
      return rows;
    };
    const withOffers = { ...api, takeOffered: vi.fn(take) };
    const { container, rerender } = render(<Sidebar api={withOffers} participants={[{ email: ADA }]} />);
    const observer = new MutationObserver(() => undefined);
    observer.observe(container, { childList: true, subtree: true });

    rerender(<Sidebar api={withOffers} participants={[{ email: GRACE }]} />);

    const added = observer.takeRecords().flatMap((r) => [...r.addedNodes].filter((n): n is Element => n instanceof Element));
    observer.disconnect();
    expect(added.filter((n) => n.matches('[data-testid="state-unknown"]') || n.querySelector('[data-testid="state-unknown"]'))).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(api.getContexts).not.toHaveBeenCalled();
  });

  it('shows a contact again on a return after a repeated snapshot of them, through the inbox or another contact', async () => {
    const api = fakeSidebarApi({ [GRACE]: grace });
    const offers = new Map<string, { email: string; context: ContactContext | null }[]>();
    const take = (emails: string[]) => {
      const rows = offers.get(emails.join());
      offers.delete(emails.join());
      return rows;
    };
    const withOffers = { ...api, takeOffered: vi.fn(take) };
    const offerAda = () => offers.set(ADA, rowsFor([ADA], { [ADA]: ada }));
    offerAda();
    const { rerender } = render(<Sidebar api={withOffers} participants={[{ email: ADA }]} />);
    // The same people again (the theme changed, the shortcut was pressed): no new contact.
    offerAda();
    rerender(<Sidebar api={withOffers} participants={[{ email: ADA }]} />);
    rerender(<Sidebar api={withOffers} participants={[]} />);
    offerAda();
    rerender(<Sidebar api={withOffers} participants={[{ email: ADA }]} />);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();

    rerender(<Sidebar api={withOffers} participants={[{ email: GRACE }]} />);
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    offerAda();
    rerender(<Sidebar api={withOffers} participants={[{ email: ADA }]} />);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });

  it('shows what the background offers on a return to someone, not the answer from the earlier visit', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    const offers = new Map<string, { email: string; context: ContactContext | null }[]>();
    const withOffers = { ...api, takeOffered: vi.fn((emails: string[]) => offers.get(emails.join())) };
    const { rerender } = render(<Sidebar api={withOffers} participants={[{ email: ADA }]} selfEmail={SELF} />);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument(); // answered by getContexts
    offers.set(GRACE, rowsFor([GRACE], { [GRACE]: grace }));
    rerender(<Sidebar api={withOffers} participants={[{ email: GRACE }]} selfEmail={SELF} />);
    expect(screen.getByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();

    // Ada was renamed in the CRM meanwhile; her detection comes with the new context.
    const renamed = { ...ada, contact: { ...ada.contact, name: 'Ada King' } };
    offers.set(ADA, rowsFor([ADA], { [ADA]: renamed }));
    rerender(<Sidebar api={withOffers} participants={[{ email: ADA }]} selfEmail={SELF} />);
    expect(screen.getByRole('heading', { name: 'Ada King' })).toBeInTheDocument();
  });

  it('starts each contact’s campaign list collapsed and closes a verdict begun for someone else', async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      createTimelineEntry({ id: `t-${i}`, date: `2026-02-0${i + 1}T10:00:00.000Z`, campaign: createCampaign({ name: `Campaign ${i}` }) }),
    );
    const busyAda = { ...ada, timeline: many };
    const busyGrace = { ...grace, timeline: many.map((t) => ({ ...t, id: `g-${t.id}` })) };
    const api = fakeSidebarApi({ [ADA]: busyAda, [GRACE]: busyGrace });
    render(<Sidebar api={api} participants={[{ email: ADA }, { email: GRACE }]} selfEmail={SELF} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });

    await userEvent.click(screen.getByRole('button', { name: 'Show all 8' }));
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(8);
    await userEvent.click(screen.getByRole('button', { name: 'Bad lead' }));
    await userEvent.type(screen.getByRole('textbox'), 'Wrong region');

    await userEvent.click(screen.getByRole('tab', { name: GRACE }));
    await screen.findByRole('heading', { name: 'Grace Hopper' });
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Show all 8' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('Wrong region')).not.toBeInTheDocument();
  });

  it('shows loading first, then the contact, lead source, timeline and persona', async () => {
    const api = fakeSidebarApi();
    const answer = deferred<{ email: string; context: ContactContext | null }[]>();
    api.getContexts.mockReturnValueOnce(answer.promise);
    render(<Sidebar api={api} participants={[{ email: ADA }]} selfEmail={SELF} />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading marketing context…');
    expect(api.getContexts).toHaveBeenCalledWith([ADA]);
    await act(async () => answer.resolve(rowsFor([ADA], { [ADA]: ada })));

    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByText('Loading marketing context…')).not.toBeInTheDocument();
    expect(screen.getByTestId('lead-source-original')).toHaveTextContent('Paid search');
    expect(screen.getByTestId('lead-source-latest')).toHaveTextContent('Trade show booth scan');
    expect(screen.getByTestId('lead-source-latest')).toHaveTextContent('Booth 14');
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries.map((e) => e.querySelector('p')?.textContent)).toEqual(['Ops Summit 2026', 'Spring Webinar']);
    expect(entries[0]).toHaveTextContent('Event · Event: Booth visit');
    // Title, seniority, department, industry and size hold; only one webinar of the two needed.
    expect(screen.getByTestId('persona-name')).toHaveTextContent('Operations Leader');
    expect(screen.getByTestId('persona-score')).toHaveTextContent('90/100');
    expect(screen.getByText('Also: Finance Buyer 0')).toBeInTheDocument();
    expect(screen.getByTestId('data-as-of')).toHaveTextContent('Demo CRM · data as of');
  });

  it('says plainly when there is no record, without inventing data', async () => {
    const api = fakeSidebarApi();
    render(<Sidebar api={api} participants={[{ email: STRANGER, name: 'New Hire' }]} />);
    expect(await screen.findByText(`No marketing record for ${STRANGER}`)).toBeInTheDocument();
    for (const id of ['contact-context', 'lead-source', 'campaign-timeline', 'persona-match', 'feedback']) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
  });

  it('shows the error with a Retry that loads again', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    api.getContexts.mockRejectedValueOnce(new Error('Background did not answer'));
    render(<Sidebar api={api} participants={[{ email: ADA }]} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load marketing context');
    expect(alert).toHaveTextContent('Background did not answer');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(api.getContexts).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers a switcher for several people, preferring the first known one', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    const participants = [{ email: STRANGER, name: 'New Hire' }, { email: ADA, name: 'Ada Lovelace' }, { email: GRACE }];
    render(<Sidebar api={api} participants={participants} />);

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    const tablist = screen.getByRole('tablist', { name: 'People in this thread' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(tabs[0]).toHaveAccessibleName('New Hire (no record)');
    expect(tabs[2]).toHaveTextContent(GRACE);

    await userEvent.click(within(tablist).getByRole('tab', { name: GRACE }));
    expect(screen.getByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(within(tablist).getByRole('tab', { name: GRACE })).toHaveAttribute('aria-selected', 'true');

    await userEvent.click(within(tablist).getByRole('tab', { name: /New Hire/ }));
    expect(screen.getByText(`No marketing record for ${STRANGER}`)).toBeInTheDocument();
    expect(screen.queryByTestId('contact-context')).not.toBeInTheDocument();
  });

  it('names no one "no record" before the background said so: loading while read, unread when the read failed', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    const answer = deferred<{ email: string; context: ContactContext | null }[]>();
    api.getContexts.mockReturnValueOnce(answer.promise);
    const participants = [
      { email: ADA, name: 'Ada Lovelace' },
      { email: STRANGER, name: 'New Hire' },
    ];
    const { unmount } = render(<Sidebar api={api} participants={participants} />);
    const tabs = () => within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs()[0]).toHaveAccessibleName('Ada Lovelace (loading)');
    expect(tabs()[1]).toHaveAccessibleName('New Hire (loading)');
    await act(async () => answer.resolve(rowsFor([ADA, STRANGER], { [ADA]: ada })));
    expect(tabs()[0]).toHaveAccessibleName('Ada Lovelace');
    expect(tabs()[1]).toHaveAccessibleName('New Hire (no record)');
    unmount();

    const failing = fakeSidebarApi({ [ADA]: ada });
    failing.getContexts.mockRejectedValue(new Error('Background did not answer'));
    render(<Sidebar api={failing} participants={participants} />);
    await screen.findByRole('alert');
    expect(tabs()[0]).toHaveAccessibleName('Ada Lovelace (could not be read)');
    expect(tabs()[1]).toHaveAccessibleName('New Hire (could not be read)');
  });

  it('moves between people with the arrow keys, and Tab stops only on the one shown', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    render(
      <Sidebar api={api} participants={[{ email: ADA, name: 'Ada Lovelace' }, { email: GRACE }, { email: STRANGER, name: 'New Hire' }]} />,
    );
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    const tablist = screen.getByRole('tablist', { name: 'People in this thread' });
    const tabStops = () =>
      within(tablist)
        .getAllByRole('tab')
        .filter((t) => t.tabIndex === 0);
    expect(tabStops()).toEqual([within(tablist).getByRole('tab', { name: 'Ada Lovelace' })]);

    within(tablist).getByRole('tab', { name: 'Ada Lovelace' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(within(tablist).getByRole('tab', { name: GRACE })).toHaveFocus();
    expect(tabStops()).toEqual([within(tablist).getByRole('tab', { name: GRACE })]);
    await userEvent.keyboard('{End}');
    expect(within(tablist).getByRole('tab', { name: /New Hire/ })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowRight}');
    expect(within(tablist).getByRole('tab', { name: 'Ada Lovelace' })).toHaveFocus();
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}');
    expect(within(tablist).getByRole('tab', { name: /New Hire/ })).toHaveFocus();
  });

  it('collapses to a tab, remembers it, and opens again', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    const onOpenChange = vi.fn();
    render(<Sidebar api={api} participants={[{ email: ADA }]} onOpenChange={onOpenChange} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });

    await userEvent.click(screen.getByRole('button', { name: 'Collapse Leadlight sidebar' }));
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(api.saveOpen).toHaveBeenLastCalledWith(false);
    expect(onOpenChange).toHaveBeenLastCalledWith(false);

    await userEvent.click(screen.getByRole('button', { name: 'Open Leadlight sidebar' }));
    expect(screen.getByRole('complementary', { name: 'Leadlight marketing context' })).toBeInTheDocument();
    expect(api.saveOpen).toHaveBeenLastCalledWith(true);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
  });

  it('follows the shortcut: each press toggles and is remembered; on a page with no one it summons an empty panel', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    const { rerender } = render(<Sidebar api={api} participants={[{ email: ADA }]} toggles={0} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    rerender(<Sidebar api={api} participants={[{ email: ADA }]} toggles={1} />);
    expect(await screen.findByRole('button', { name: 'Open Leadlight sidebar' })).toBeInTheDocument();
    expect(api.saveOpen).toHaveBeenLastCalledWith(false);
    rerender(<Sidebar api={api} participants={[{ email: ADA }]} toggles={2} />);
    expect(await screen.findByRole('complementary', { name: 'Leadlight marketing context' })).toBeInTheDocument();
    expect(api.saveOpen).toHaveBeenLastCalledWith(true);
    // Nobody on the page: the press opens the panel with nothing to show, and saves nothing.
    rerender(<Sidebar api={api} participants={[]} toggles={2} />);
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    rerender(<Sidebar api={api} participants={[]} toggles={3} />);
    expect(await screen.findByRole('complementary', { name: 'Leadlight marketing context' })).toBeInTheDocument();
    expect(api.saveOpen).toHaveBeenCalledTimes(2);
  });

  it('starts collapsed when the saved state says so', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    api.loadOpen.mockResolvedValue(false);
    render(<Sidebar api={api} participants={[{ email: ADA }]} />);
    expect(await screen.findByRole('button', { name: 'Open Leadlight sidebar' })).toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(api.saveOpen).not.toHaveBeenCalled();
  });

  it('renders nothing without participants', () => {
    const api = fakeSidebarApi();
    const { container } = render(<Sidebar api={api} participants={[]} />);
    expect(container).toBeEmptyDOMElement();
    expect(api.getContexts).not.toHaveBeenCalled();
  });

  it('does not let a slow answer for an older thread overwrite the newer one', async () => {
    const api = fakeSidebarApi();
    const older = deferred<{ email: string; context: ContactContext | null }[]>();
    const newer = deferred<{ email: string; context: ContactContext | null }[]>();
    api.getContexts.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    const { rerender } = render(<Sidebar api={api} participants={[{ email: ADA }]} />);
    rerender(<Sidebar api={api} participants={[{ email: GRACE }]} />);
    expect(api.getContexts).toHaveBeenNthCalledWith(2, [GRACE]);

    await act(async () => newer.resolve(rowsFor([GRACE], { [GRACE]: grace })));
    expect(screen.getByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    await act(async () => older.resolve(rowsFor([ADA], { [ADA]: ada })));
    expect(screen.getByRole('heading', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
  });

  it('renders hostile strings as text, never as markup', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const campaign = '<script>window.__pwned = true</script>';
    const hostile = createContactContext({
      contact: { email: ADA, name, company: '<b>Evil</b> Inc' },
      timeline: [createTimelineEntry({ campaign: createCampaign({ name: campaign }) })],
    });
    const { container } = render(<Sidebar api={fakeSidebarApi({ [ADA]: hostile })} participants={[{ email: ADA }]} />);
    expect(await screen.findByTestId('contact-name')).toHaveTextContent(name);

    expect(container.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(container.textContent).toContain(name);
    expect(container.textContent).toContain(campaign);
    expect(container.textContent).toContain('<b>Evil</b> Inc');
  });

  it('sends feedback without naming an author (the background signs it), and keeps it across a switch', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    render(<Sidebar api={api} participants={[{ email: ADA }, { email: GRACE }]} selfEmail={SELF} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });

    await userEvent.click(screen.getByRole('button', { name: 'Good lead' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    expect(api.submit).toHaveBeenCalledWith(expect.objectContaining({ email: ADA, verdict: 'good' }));
    expect(api.submit.mock.calls[0]![0].author).toBeUndefined();

    // Switching remounts the contact view: the verdict must come back from the re-read context.
    await userEvent.click(screen.getByRole('tab', { name: GRACE }));
    await userEvent.click(screen.getByRole('tab', { name: ADA }));
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Good lead');
  });

  it('drops the verdict once it is undone, even after the context was re-read', async () => {
    const api = fakeSidebarApi({ [ADA]: ada });
    render(<Sidebar api={api} participants={[{ email: ADA }]} selfEmail={SELF} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await userEvent.click(screen.getByRole('button', { name: 'Bad lead' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Duplicate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm bad lead' }));
    await waitFor(() => expect(api.getContexts).toHaveBeenCalledTimes(2)); // the quiet re-read after submit
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Bad lead · Duplicate');

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(api.undo).toHaveBeenCalledWith('fb-1');
    await waitFor(() => expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument());
  });

  it('never lets an older re-read overwrite a newer one: an undone verdict stays undone after switching away and back', async () => {
    const api = fakeSidebarApi({ [ADA]: ada, [GRACE]: grace });
    const read = api.getContexts.getMockImplementation()!;
    render(<Sidebar api={api} participants={[{ email: ADA }, { email: GRACE }]} selfEmail={SELF} />);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    // The re-read after the verdict sees it, and answers only after the re-read after its Undo.
    const late = deferred<void>();
    api.getContexts.mockImplementationOnce(async (emails) => {
      const rows = await read(emails);
      await late.promise;
      return rows;
    });
    await userEvent.click(screen.getByRole('button', { name: 'Good lead' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.getContexts).toHaveBeenCalledTimes(3));
    await act(async () => late.resolve());

    await userEvent.click(screen.getByRole('tab', { name: GRACE }));
    await userEvent.click(screen.getByRole('tab', { name: ADA }));
    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();
  });
});
