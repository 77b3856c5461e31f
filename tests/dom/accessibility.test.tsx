import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from '@/components/contact/feedback-panel';
import { FeedbackTable } from '@/components/options/feedback-table';
import { Sidebar } from '@/components/sidebar/sidebar';
import { createContactContext, createFeedback, createTimelineEntry } from '../factories';
import { fakeFeedbackActions, fakeSidebarApi } from './fakes';

const ADA = 'ada.lovelace@analytical.example';

/** Runs axe on what was rendered; happy-dom computes no colours, so contrast is left to the e2e tier. */
async function violations(container: Element) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('the sidebar with a known contact and a switcher has no axe violations', async () => {
    const context = createContactContext({
      contact: { email: ADA, latestSource: { channel: 'paid_search' }, owner: 'Sam Lee', leadStatus: 'working' },
      timeline: [createTimelineEntry({ id: 'a' }), createTimelineEntry({ id: 'b', assetType: 'whitepaper' })],
      lastFeedback: createFeedback({ verdict: 'bad', reasonId: 'duplicate', note: 'Same as Ada L.' }),
    });
    const { container } = render(
      <Sidebar api={fakeSidebarApi({ [ADA]: context })} participants={[{ email: ADA }, { email: 'new.hire@analytical.example' }]} />,
    );
    await screen.findByTestId('contact-context');
    expect(await violations(container)).toEqual([]);
  });

  it('the open bad-lead form has no axe violations', async () => {
    const { container } = render(<FeedbackPanel email={ADA} actions={fakeFeedbackActions()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Bad lead' }));
    await userEvent.click(screen.getByRole('radio', { name: 'No need' }));
    expect(await violations(container)).toEqual([]);
  });

  it('the options feedback table has no axe violations', async () => {
    const rows = [
      createFeedback({ verdict: 'bad', reasonId: 'no_budget', note: 'Frozen', syncState: 'pending' }),
      createFeedback({ email: 'grace.hopper@navy.example', verdict: 'good', syncState: 'sent' }),
    ];
    const { container } = render(<FeedbackTable feedback={rows} />);
    expect(await violations(container)).toEqual([]);
    // The table is read by its column headers.
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Contact', 'Verdict', 'Reason', 'Note', 'Given', 'State']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('axe does catch a real violation here, so the checks above are live', async () => {
    const { container } = render(
      <div>
        <button type="button" />
        <input type="text" />
      </div>,
    );
    const ids = await violations(container);
    expect(ids.some((v) => v.startsWith('button-name'))).toBe(true);
    expect(ids.some((v) => v.startsWith('label'))).toBe(true);
  });

  it('every control in the sidebar has an accessible name', async () => {
    const context = createContactContext({ contact: { email: ADA } });
    render(<Sidebar api={fakeSidebarApi({ [ADA]: context })} participants={[{ email: ADA }, { email: 'x@y.example' }]} />);
    await screen.findByTestId('contact-context');
    await userEvent.click(screen.getByRole('button', { name: 'Bad lead' }));
    for (const el of [
      ...screen.getAllByRole('button'),
      ...screen.getAllByRole('tab'),
      ...screen.getAllByRole('radio'),
      screen.getByRole('textbox'),
    ]) {
      expect(el).toHaveAccessibleName();
    }
    expect(screen.getByRole('tablist')).toHaveAccessibleName('People in this thread');
    expect(screen.getByRole('tab', { selected: true })).toHaveAccessibleName(ADA);
  });
});
