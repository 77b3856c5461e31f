import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiagnosticsView } from '@/components/options/diagnostics-view';
import type { HostDiagnostics } from '@/lib/messaging/protocol';

// A normal Gmail thread, read with no compose open (issue 10 saw its compose markers in red).
const gmailThread: HostDiagnostics = {
  hostId: 'gmail',
  at: '2026-11-20T10:00:00.000Z',
  recordFound: true,
  contactCount: 1,
  matched: ['main', 'threadSubject', 'sender', 'recipient', 'hovercard', 'message', 'messageDate', 'accountButton'],
  // A thread opened on its own: no inbox rows beside it.
  missing: ['composeChip', 'composeChipOlder', 'composeRoot', 'sendButton', 'listRow'],
};
// A reply open under the thread, in current markup: the older chip markup is an alternative, not a fault.
const gmailReply: HostDiagnostics = {
  ...gmailThread,
  matched: [...gmailThread.matched, 'composeRoot', 'composeChip'],
  missing: ['composeChipOlder', 'sendButton'],
};

const view = (label: string) =>
  screen.getAllByTestId('diagnostics-view').find((v) => v.querySelector('h4')?.textContent?.startsWith(label))!;
const states = (label: string): Record<string, string | undefined> =>
  Object.fromEntries(
    within(view(label))
      .getAllByTestId('diagnostics-marker')
      .map((m) => [m.textContent.split(':')[0], m.dataset.state]),
  );

describe('DiagnosticsView', () => {
  it('groups markers by view and does not call compose markers missing when no compose is open', async () => {
    render(<DiagnosticsView load={async () => [gmailThread]} />);
    await screen.findByTestId('diagnostics-row');
    expect(screen.getAllByTestId('diagnostics-view').map((v) => v.querySelector('h4')!.textContent)).toEqual([
      'Every Gmail page (open in that scan)',
      'Open thread (open in that scan)',
      'Compose window or reply (not open in that scan)',
      'Inbox or search list (not open in that scan)',
    ]);
    expect(states('Inbox or search list')).toEqual({ listRow: 'not-checked' });
    expect(states('Compose window or reply')).toEqual({
      composeRoot: 'not-checked',
      sendButton: 'not-checked',
      composeChip: 'not-checked',
      composeChipOlder: 'not-checked',
    });
    expect(screen.queryAllByTestId('diagnostics-marker').filter((m) => m.dataset.state === 'missing')).toEqual([]);
  });

  it('marks a marker missing when its view is open, but not an unused alternative', async () => {
    render(<DiagnosticsView load={async () => [gmailReply]} />);
    await screen.findByTestId('diagnostics-row');
    expect(states('Compose window or reply')).toEqual({
      composeRoot: 'found',
      sendButton: 'missing',
      composeChip: 'found',
      composeChipOlder: 'not-checked',
    });
  });

  it('judges every marker of a record-page host', async () => {
    render(
      <DiagnosticsView
        load={async () => [{ ...gmailThread, hostId: 'salesforce', matched: ['recordWrapper'], missing: ['emailField'] }]}
      />,
    );
    await screen.findByTestId('diagnostics-row');
    expect(states('Record page')).toEqual({ recordWrapper: 'found', emailField: 'missing' });
  });

  it('takes either Salesforce Email for the other, and judges the hover card only while one is open', async () => {
    render(
      <DiagnosticsView
        load={async () => [
          {
            ...gmailThread,
            hostId: 'salesforce',
            matched: ['recordWrapper', 'highlightsEmail', 'primaryName'],
            missing: ['emailField', 'hoverCard'],
          },
        ]}
      />,
    );
    await screen.findByTestId('diagnostics-row');
    expect(states('Record page')).toEqual({
      recordWrapper: 'found',
      emailField: 'not-checked',
      highlightsEmail: 'found',
      primaryName: 'found',
    });
    expect(states('Hover card')).toEqual({ hoverCard: 'not-checked' });
  });
});
