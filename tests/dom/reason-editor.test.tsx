import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { notifyDefinitionsImported } from '@/components/options/personas/definitions-events';
import { ReasonEditor } from '@/components/options/reasons/reason-editor';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { createFeedback } from '../factories';

const REASONS: ReasonDefinition[] = [
  { id: 'right_persona', verdict: 'good', group: 'good', label: 'Right persona' },
  { id: 'duplicate', verdict: 'bad', group: 'rejection', label: 'Duplicate' },
  { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget' },
  { id: 'student', verdict: 'bad', group: 'disqualification', label: 'Student', retired: true },
];

function fakeApi(initial = REASONS) {
  return {
    getReasons: vi.fn(async () => initial),
    saveReasons: vi.fn(async (list: ReasonDefinition[]) => list),
  };
}

const row = (id: string) => screen.getAllByTestId('reason-row').find((r) => r.dataset.reasonId === id)!;
const save = () => screen.getByRole('button', { name: 'Save all' });

describe('ReasonEditor', () => {
  it('offers no Delete on a reason feedback already uses, and says to retire it', async () => {
    const api = {
      ...fakeApi(),
      listFeedback: vi.fn(async () => [
        createFeedback({ id: 'a', verdict: 'bad', reasonId: 'no_budget' }),
        createFeedback({ id: 'b', verdict: 'bad', reasonId: 'no_budget' }),
      ]),
    };
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');
    await waitFor(() =>
      expect(within(row('no_budget')).getByTestId('reason-in-use')).toHaveTextContent('Used by 2 verdicts; retire it to stop offering it.'),
    );
    expect(within(row('no_budget')).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(within(row('no_budget')).getByRole('button', { name: 'Retire No budget' })).toBeInTheDocument();
    // An unused reason can still be deleted.
    expect(within(row('duplicate')).getByRole('button', { name: 'Delete Duplicate' })).toBeInTheDocument();
  });

  it('groups reasons as the report does and greys retired ones', async () => {
    render(<ReasonEditor api={fakeApi()} />);
    const good = await screen.findByRole('group', { name: 'Good' });
    expect(within(good).getByDisplayValue('Right persona')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Rejected before contact' })).getByDisplayValue('Duplicate')).toBeInTheDocument();
    const disqualified = screen.getByRole('group', { name: 'Disqualified after contact' });
    expect(within(disqualified).getAllByTestId('reason-row')).toHaveLength(2);
    expect(row('student')).toHaveTextContent('(retired)');
    expect(row('student')).toHaveClass('text-slate-500');
    expect(within(row('student')).getByRole('button', { name: 'Restore Student' })).toBeInTheDocument();
    expect(row('no_budget')).not.toHaveTextContent('(retired)');
    // Nothing to save until something changes.
    expect(save()).toBeDisabled();
  });

  it('saves nothing over a list another tab changed since the page read it, and says how to see it', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');
    // Another tab adds a reason after this page loaded the list.
    const elsewhere = [...REASONS, { id: 'wrong_region', verdict: 'bad' as const, group: 'rejection' as const, label: 'Wrong region' }];
    api.getReasons.mockResolvedValue(elsewhere);
    const label = within(row('duplicate')).getByRole('textbox');
    await user.clear(label);
    await user.type(label, 'Duplicate record');
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The reasons were changed in another tab since this page read them. Discard changes to see them, then edit again.',
    );
    expect(api.saveReasons).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(row('wrong_region')).toBeDefined();
  });

  it('adds, renames, retires and deletes, then saves the whole list', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');

    await user.type(screen.getByLabelText('New reason'), 'Already a customer');
    await user.selectOptions(screen.getByLabelText('Group'), 'Rejected before contact');
    await user.click(screen.getByRole('button', { name: 'Add reason' }));
    // A second reason with the same label gets its own id.
    await user.type(screen.getByLabelText('New reason'), 'Already a customer');
    await user.selectOptions(screen.getByLabelText('Group'), 'Good');
    await user.click(screen.getByRole('button', { name: 'Add reason' }));
    expect(screen.getByLabelText('New reason')).toHaveValue('');

    const label = within(row('duplicate')).getByRole('textbox');
    await user.clear(label);
    await user.type(label, 'Duplicate record');
    await user.click(within(row('no_budget')).getByRole('button', { name: 'Retire No budget' }));
    expect(row('no_budget')).toHaveTextContent('(retired)');
    await user.click(within(row('student')).getByRole('button', { name: 'Restore Student' }));
    await user.click(within(row('right_persona')).getByRole('button', { name: 'Delete Right persona' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(save());
    expect(api.saveReasons).toHaveBeenCalledTimes(1);
    expect(api.saveReasons).toHaveBeenCalledWith([
      { id: 'duplicate', verdict: 'bad', group: 'rejection', label: 'Duplicate record' },
      { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget', retired: true },
      { id: 'student', verdict: 'bad', group: 'disqualification', label: 'Student' },
      { id: 'already_a_customer', verdict: 'bad', group: 'rejection', label: 'Already a customer' },
      { id: 'already_a_customer_2', verdict: 'good', group: 'good', label: 'Already a customer' },
    ]);
    // Restored means no `retired` flag at all, not `retired: undefined`.
    expect(api.saveReasons.mock.calls[0]?.[0].find((r) => r.id === 'student')).not.toHaveProperty('retired');
    expect(await screen.findByRole('status')).toHaveTextContent('Reasons saved.');
    expect(save()).toBeDisabled();
  });

  it('shows the background’s refusal to delete a used reason and keeps the edits', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.saveReasons.mockRejectedValue(new Error('Feedback uses “No budget”: retire it instead of deleting it.'));
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');
    await user.click(within(row('no_budget')).getByRole('button', { name: 'Delete No budget' }));
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Feedback uses “No budget”: retire it instead of deleting it.');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    // Discarding brings the reason back from the background's list.
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(row('no_budget')).toBeDefined());
    // Read on opening, by the save to check nobody changed the list meanwhile, and on discarding.
    expect(api.getReasons).toHaveBeenCalledTimes(3);
  });

  it('refuses to save an empty label', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');
    await user.clear(within(row('duplicate')).getByRole('textbox'));
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Every reason needs a label.');
    expect(api.saveReasons).not.toHaveBeenCalled();
  });

  it('re-reads the list when a definitions file was imported', async () => {
    const api = fakeApi();
    render(<ReasonEditor api={api} />);
    await screen.findByTestId('reason-editor');
    api.getReasons.mockResolvedValue([{ id: 'imported', verdict: 'good', group: 'good', label: 'Imported reason' }]);
    notifyDefinitionsImported(api);
    expect(await screen.findByDisplayValue('Imported reason')).toBeInTheDocument();
    expect(screen.getAllByTestId('reason-row')).toHaveLength(1);
  });

  it('has no axe violations', async () => {
    const { container } = render(<ReasonEditor api={fakeApi()} />);
    await screen.findByTestId('reason-editor');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
