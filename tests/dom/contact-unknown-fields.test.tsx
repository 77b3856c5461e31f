import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactContextView } from '@/components/contact/contact-context-view';
import { createContactContext } from '../factories';
import { fakeFeedbackActions } from './fakes';

describe('fields the CRM sent but Leadlight could not read', () => {
  it('are shown as unknown, apart from fields that are simply not recorded', () => {
    const context = createContactContext({
      contact: {
        score: undefined,
        owner: undefined,
        leadStatus: undefined,
        originalSource: undefined,
        latestSource: undefined,
        unknownFields: ['score', 'owner', 'originalSource'],
      },
    });
    render(<ContactContextView context={context} feedback={fakeFeedbackActions()} />);
    const header = screen.getByTestId('contact-header');
    expect(within(header).getByTestId('lead-score')).toHaveTextContent('unknown');
    expect(header).toHaveTextContent('Owner unknown');
    // Not sent at all is not the same as unreadable: no status line.
    expect(header).not.toHaveTextContent('Status');
    expect(screen.getByTestId('lead-source-original')).toHaveTextContent('Unknown: the CRM’s value could not be read');
    expect(screen.getByTestId('lead-source-latest')).toHaveTextContent('Not recorded');
  });
});
