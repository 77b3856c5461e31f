import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedbackPanel, UNDO_WINDOW_MS } from '@/components/contact/feedback-panel';
import { createFeedback } from '../factories';
import { deferred, fakeFeedbackActions } from './fakes';

const EMAIL = 'ada.lovelace@analytical.example';
const AUTHOR = 'alex.rivera@brightwave.example';

function renderPanel(props: Partial<Parameters<typeof FeedbackPanel>[0]> = {}) {
  const actions = fakeFeedbackActions();
  const view = render(<FeedbackPanel email={EMAIL} author={AUTHOR} actions={actions} {...props} />);
  return { actions, ...view };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('FeedbackPanel', () => {
  it('records a bad lead with a grouped reason and a note, then undoes it', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));

    const rejected = screen.getByRole('group', { name: 'Rejected before contact' });
    const disqualified = screen.getByRole('group', { name: 'Disqualified after contact' });
    expect(within(rejected).getByRole('radio', { name: 'Duplicate' })).toBeInTheDocument();
    expect(within(rejected).queryByRole('radio', { name: 'No budget' })).not.toBeInTheDocument();
    expect(within(disqualified).getByRole('radio', { name: 'No budget' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Right persona' })).not.toBeInTheDocument();

    const confirm = screen.getByRole('button', { name: 'Confirm bad lead' });
    expect(confirm).toBeDisabled();
    await user.click(confirm);
    expect(actions.submit).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'No budget' }));
    await user.type(screen.getByRole('textbox', { name: 'Note for marketing (optional)' }), 'Frozen until next fiscal year');
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    expect(actions.submit).toHaveBeenCalledTimes(1);
    expect(actions.submit).toHaveBeenCalledWith({
      email: EMAIL,
      verdict: 'bad',
      reasonId: 'no_budget',
      note: 'Frozen until next fiscal year',
      author: AUTHOR,
    });
    expect(screen.queryByTestId('feedback-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Bad lead · No budget');
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('“Frozen until next fiscal year”');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(actions.undo).toHaveBeenCalledWith('fb-1');
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bad lead' })).toBeInTheDocument();
  });

  it('confirms a good lead without a reason', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    expect(screen.getByRole('group', { name: 'Why it is a good lead' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));

    expect(actions.submit).toHaveBeenCalledWith({ email: EMAIL, verdict: 'good', reasonId: undefined, note: undefined, author: AUTHOR });
    expect(screen.getByTestId('last-verdict')).toHaveTextContent(/^Good lead/);
  });

  it('keeps keyboard focus on what replaced the control just used, at every step', async () => {
    const user = userEvent.setup();
    renderPanel({ last: createFeedback({ verdict: 'good', reasonId: 'meeting_booked' }) });
    // Good lead: the form opens on its Confirm button (a good lead needs no reason).
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    expect(screen.getByRole('button', { name: 'Confirm good lead' })).toHaveFocus();
    // Cancel: back on the button that opened the form.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Good lead' })).toHaveFocus();
    // Bad lead: on its first reason.
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
    // Confirmed: on Undo, which replaced the form.
    await user.click(screen.getByRole('radio', { name: 'No budget' }));
    await user.click(screen.getByRole('button', { name: 'Confirm bad lead' }));
    expect(await screen.findByRole('button', { name: 'Undo' })).toHaveFocus();
    // Undone: on Good lead, the first of the buttons back in its place.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Good lead' })).toHaveFocus();
  });

  it('trims the note and sends none when it is only whitespace', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.type(screen.getByRole('textbox'), '   ');
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    expect(actions.submit).toHaveBeenCalledWith(expect.objectContaining({ note: undefined }));
  });

  it('keeps the form and what was typed when saving fails', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    actions.submit.mockRejectedValueOnce(new Error('Background unavailable'));
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    await user.click(screen.getByRole('radio', { name: 'Bad timing' }));
    await user.type(screen.getByRole('textbox'), 'Call back in Q3');
    await user.click(screen.getByRole('button', { name: 'Confirm bad lead' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Background unavailable');
    expect(screen.getByRole('textbox')).toHaveValue('Call back in Q3');
    expect(screen.getByRole('radio', { name: 'Bad timing' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Confirm bad lead' })).toBeEnabled();
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();

    // A second try succeeds and clears the error.
    await user.click(screen.getByRole('button', { name: 'Confirm bad lead' }));
    expect(actions.submit).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Bad lead · Bad timing');
  });

  it('withdraws the Undo offer after the undo window', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1000));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTime(1500));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Good lead');
  });

  it('gives each verdict the whole undo window, also one changed while the last could still be undone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { actions } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    await act(() => vi.advanceTimersByTime(5000));
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    await user.click(screen.getByRole('radio', { name: 'Duplicate' }));
    await user.click(screen.getByRole('button', { name: 'Confirm bad lead' }));
    expect(actions.submit).toHaveBeenCalledTimes(2);

    await act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1000));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTime(1500));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('takes a double click on Undo as one undo, not as an undo and a failed one', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    // As the background answers: a verdict retracted once is gone, and a second retract fails.
    const retracted = new Set<string>();
    const slow = deferred<void>();
    actions.undo.mockImplementation(async (id: string) => {
      await slow.promise;
      if (retracted.has(id)) throw new Error('it is already on its way to the CRM');
      retracted.add(id);
    });
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    await user.dblClick(screen.getByRole('button', { name: 'Undo' }));
    await act(async () => slow.resolve());

    expect(actions.undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();
  });

  it('leaves a form opened while an earlier verdict was saving open, with what was typed, when that save ends', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    const slow = deferred<Awaited<ReturnType<typeof actions.submit>>>();
    actions.submit.mockReturnValueOnce(slow.promise);
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    await user.click(screen.getByRole('radio', { name: 'No budget' }));
    await user.type(screen.getByRole('textbox'), 'Frozen until Q3');

    await act(async () => slow.resolve(createFeedback({ email: EMAIL, verdict: 'good', id: 'fb-slow' })));
    expect(screen.getByRole('textbox')).toHaveValue('Frozen until Q3');
    expect(screen.getByRole('textbox')).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'No budget' })).toBeChecked();
    // The good verdict was saved all the same, and can be taken back.
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('moves focus from Undo to Good lead when the undo window ends, and leaves focus elsewhere alone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS + 100));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Good lead' })).toHaveFocus();

    // Focus the rep moved on from Undo stays where the rep put it.
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('radio', { name: 'Meeting booked' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    screen.getByRole('button', { name: 'Bad lead' }).focus();
    await act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS + 100));
    expect(screen.getByRole('button', { name: 'Bad lead' })).toHaveFocus();

    // With a form open in place of the buttons, its first control takes focus.
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    await user.click(screen.getByRole('radio', { name: 'Duplicate' }));
    await user.click(screen.getByRole('button', { name: 'Confirm bad lead' }));
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    screen.getByRole('button', { name: 'Undo' }).focus();
    await act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS + 100));
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
  });

  it('cancels without saving and shows the earlier verdict again', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel({ last: createFeedback({ verdict: 'good', reasonId: 'meeting_booked' }) });
    await user.click(screen.getByRole('button', { name: 'Bad lead' }));
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(actions.submit).not.toHaveBeenCalled();
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Good lead · Meeting booked');
  });

  it('shows an existing verdict with its reason, note and sync state', () => {
    renderPanel({ last: createFeedback({ verdict: 'bad', reasonId: 'bad_timing', note: 'Call back in Q3', syncState: 'local' }) });
    const last = screen.getByTestId('last-verdict');
    expect(last).toHaveTextContent('Bad lead · Bad timing');
    expect(last).toHaveTextContent('“Call back in Q3”');
    expect(last).toHaveTextContent('Saved in this browser');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it.each([
    ['sent', 'Sent to marketing'],
    ['failed', 'Sending failed'],
  ] as const)('labels sync state %s for the rep', (syncState, label) => {
    renderPanel({ last: createFeedback({ reasonId: 'retired_reason', syncState }) });
    expect(screen.getByTestId('last-verdict')).toHaveTextContent(label);
    // A reason since retired still shows, by its id.
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Good lead · retired_reason');
  });

  it('forgets a fresh verdict and its Undo when the contact changes', async () => {
    const user = userEvent.setup();
    const { actions, rerender } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    rerender(<FeedbackPanel email="grace.hopper@navy.example" author={AUTHOR} actions={actions} />);
    expect(screen.queryByTestId('last-verdict')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('offers accept and reject for a handed-off lead; rejecting offers rejection reasons and a date to nurture until', async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel({ handedOff: true });
    expect(screen.getByRole('group', { name: 'Accept or reject the hand-off' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reject hand-off' }));
    expect(screen.queryByRole('group', { name: 'Disqualified after contact' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Recycle to nurture' }));
    const until = screen.getByLabelText('Nurture until');
    await user.clear(until);
    await user.type(until, '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Confirm reject' }));
    expect(actions.submit).toHaveBeenCalledWith(
      expect.objectContaining({ verdict: 'bad', kind: 'handoff', reasonId: 'recycle_nurture', recycleOn: '2027-03-01' }),
    );
    expect(await screen.findByTestId('last-verdict')).toHaveTextContent('Hand-off rejected · Recycle to nurture until Mar 1, 2027');
  });

  it('accepts a hand-off in two clicks, and shows no hand-off buttons for a lead never handed over', async () => {
    const user = userEvent.setup();
    const { actions, unmount } = renderPanel({ handedOff: true });
    await user.click(screen.getByRole('button', { name: 'Accept hand-off' }));
    await user.click(screen.getByRole('button', { name: 'Confirm accept' }));
    expect(actions.submit).toHaveBeenCalledWith(expect.objectContaining({ verdict: 'good', kind: 'handoff' }));
    unmount();
    renderPanel();
    expect(screen.queryByRole('button', { name: 'Accept hand-off' })).not.toBeInTheDocument();
  });

  it('says when the verdict was already the rep’s current one and offers no undo, and that any button changes it', async () => {
    const user = userEvent.setup();
    const last = createFeedback({ email: EMAIL, verdict: 'good', syncState: 'sent' });
    const { actions } = renderPanel({ last });
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Sent to marketing');
    expect(screen.getByTestId('last-verdict')).toHaveTextContent('Pick again below to change it');
    actions.submit.mockResolvedValueOnce({ ...last, unchanged: true });
    await user.click(screen.getByRole('button', { name: 'Good lead' }));
    await user.click(screen.getByRole('button', { name: 'Confirm good lead' }));
    expect(await screen.findByTestId('verdict-unchanged')).toHaveTextContent('That is already your verdict: nothing new was written.');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
