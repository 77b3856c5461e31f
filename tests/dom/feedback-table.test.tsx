import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FeedbackTable } from '@/components/options/feedback-table';
import type { ListedFeedback } from '@/lib/messaging/protocol';
import { createFeedback } from '../factories';

const REPS = ['alex.rivera@brightwave.example', 'jamie.chen@brightwave.example', 'sam.okonkwo@brightwave.example'];
const STATES = ['local', 'sent', 'failed', 'pending'] as const;

/** 10,000 verdicts, one a minute back from Nov 20, 2026, with every fourth contact unnamed. */
function manyVerdicts(n = 10_000): ListedFeedback[] {
  return Array.from({ length: n }, (_, i) => ({
    ...createFeedback({
      id: `fb-${i}`,
      email: `person${i}@acme.example`,
      verdict: i % 3 === 0 ? 'bad' : 'good',
      reasonId: i % 3 === 0 ? 'no_budget' : 'active_project',
      author: REPS[i % 3]!,
      syncState: STATES[i % 4]!,
      createdAt: new Date(Date.parse('2026-11-20T12:00:00.000Z') - i * 60_000).toISOString(),
    }),
    ...(i % 4 === 3 ? {} : { contactName: `Person ${String(i).padStart(5, '0')}` }),
  }));
}

const contacts = () => screen.getAllByTestId('feedback-contact').map((c) => c.textContent);

describe('FeedbackTable at 10,000 verdicts', () => {
  it('renders one page, names the contacts and says how many there are', () => {
    render(<FeedbackTable feedback={manyVerdicts()} />);
    expect(screen.getAllByTestId('feedback-row')).toHaveLength(50);
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('Showing 1–50 of 10,000');
    expect(contacts().slice(0, 4)).toEqual(['Person 00000', 'Person 00001', 'Person 00002', 'person3@acme.example']);
    expect(screen.getAllByTestId('feedback-row')[0]).toHaveTextContent('person0@acme.example');
  });

  it('filters by verdict, reason, rep and sync state together', async () => {
    const user = userEvent.setup();
    render(<FeedbackTable feedback={manyVerdicts()} />);
    await user.selectOptions(screen.getByLabelText('Verdict'), 'bad');
    // i % 3 === 0 → 3,334 bad verdicts.
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('of 3,334');
    await user.selectOptions(screen.getByLabelText('Rep'), 'alex.rivera@brightwave.example');
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('of 3,334');
    await user.selectOptions(screen.getByLabelText('Sync state'), 'Failed');
    // i % 3 === 0 and i % 4 === 2: i ≡ 6 (mod 12) → 833 of 10,000.
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('Showing 1–50 of 833');
    for (const row of screen.getAllByTestId('feedback-row')) {
      expect(row).toHaveTextContent('Bad');
      expect(row).toHaveTextContent('Failed');
      expect(row).toHaveTextContent('alex.rivera@brightwave.example');
    }
    await user.selectOptions(screen.getByLabelText('Reason'), 'active_project');
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('No feedback matches these filters.');
    expect(screen.queryByTestId('feedback-row')).not.toBeInTheDocument();
  });

  it('sorts and pages', async () => {
    const user = userEvent.setup();
    render(<FeedbackTable feedback={manyVerdicts()} />);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'oldest');
    expect(contacts()[0]).toBe('person9999@acme.example');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'contact');
    expect(contacts().slice(0, 2)).toEqual(['Person 00000', 'Person 00001']);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByTestId('feedback-count')).toHaveTextContent('Showing 51–100 of 10,000');
    expect(within(screen.getByRole('navigation', { name: 'Feedback pages' })).getByText('Page 2 of 200')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  });
});

describe('FeedbackTable delivery state', () => {
  it('shows a verdict as sent with the fields Salesforce would not set, and offers no retry for it', () => {
    const problem =
      'Salesforce did not set the Lead field Status: Status: bad value for restricted picklist field: Unqualified ' +
      '(INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). The verdict is saved as a Task; check “Write verdicts to Lead fields” in Leadlight settings.';
    const sent = createFeedback({
      id: 'fb-sf',
      verdict: 'bad',
      reasonId: 'no_budget',
      syncState: 'sent',
      target: 'salesforce',
      fieldProblem: problem,
    });
    render(<FeedbackTable feedback={[sent]} onRetry={() => {}} onDiscard={() => {}} />);
    const row = screen.getByTestId('feedback-row');
    expect(within(row).getByTestId('sync-state')).toHaveTextContent('Sent');
    expect(within(row).getByTestId('field-problem')).toHaveTextContent(problem);
    expect(within(row).queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
