import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { VerdictFieldsSettings } from '@/components/options/verdict-fields/verdict-fields-settings';
import type { WritableField } from '@/lib/domain/writable-field';
import type { SettingsView } from '@/lib/messaging/protocol';
import { SettingsSchema, type Settings } from '@/lib/settings/settings';

// What the background answers for the org in tests/fixtures/http/salesforce/describe-lead-verdict-fields.json:
// updateable picklist and text fields, active values only, by label.
const LEAD_FIELDS: WritableField[] = [
  { name: 'Lead_Feedback__c', label: 'Lead Feedback', type: 'string', length: 40 },
  {
    name: 'Status',
    label: 'Lead Status',
    type: 'picklist',
    values: [
      { value: 'New', label: 'New' },
      { value: 'Working', label: 'Working' },
      { value: 'Unqualified', label: 'Unqualified' },
    ],
  },
  {
    name: 'Unqualified_Reason__c',
    label: 'Unqualified Reason',
    type: 'picklist',
    values: [
      { value: 'No Budget', label: 'No budget' },
      { value: 'Bad Contact Info', label: 'Bad contact info' },
    ],
  },
];

function viewWith(salesforce: Partial<Settings['salesforce']> = {}): SettingsView {
  return {
    settings: SettingsSchema.parse({ source: 'salesforce', salesforce: { clientId: '3MVG9-consumer-key', ...salesforce } }),
    connections: { hubspotConnected: false, salesforceConnected: true, salesforceInstance: 'brightwave.my.salesforce.com' },
  };
}

function fakeApi(fields: () => Promise<WritableField[]> = async () => LEAD_FIELDS) {
  return {
    getSalesforceFields: vi.fn(fields),
    getReasons: vi.fn(async () => [
      { id: 'no_budget', verdict: 'bad' as const, group: 'disqualification' as const, label: 'No budget' },
      { id: 'wrong_person', verdict: 'bad' as const, group: 'rejection' as const, label: 'Wrong person / misrouted' },
      { id: 'old_reason', verdict: 'bad' as const, group: 'rejection' as const, label: 'Retired reason', retired: true },
    ]),
    saveSettings: vi.fn(async (patch: Partial<Settings>) => viewWith(patch.salesforce)),
  };
}

describe('Write verdicts to Lead fields', () => {
  it('maps Status to Unqualified on a bad verdict and a reason picklist, storing values while showing labels', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    const verdictField = await screen.findByLabelText('Lead field for the verdict');
    expect(
      within(verdictField)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'None: the Task only',
      'Lead Feedback (Lead_Feedback__c) · string',
      'Lead Status (Status) · picklist',
      'Unqualified Reason (Unqualified_Reason__c) · picklist',
    ]);
    await user.selectOptions(verdictField, 'Lead Status (Status) · picklist');
    expect(
      within(screen.getByLabelText('Good lead'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Leave unchanged', 'New', 'Working', 'Unqualified']);
    await user.selectOptions(screen.getByLabelText('Bad lead'), 'Unqualified');
    // The verdict's own field is not offered for the reason.
    const reasonField = screen.getByLabelText('Lead field for the reason (optional)');
    expect(within(reasonField).queryByText(/\(Status\)/)).toBeNull();
    await user.selectOptions(reasonField, 'Unqualified Reason (Unqualified_Reason__c) · picklist');
    // Only reasons in use are offered, each under its group.
    expect(screen.queryByLabelText('Retired reason')).toBeNull();
    await user.selectOptions(screen.getByLabelText('No budget'), 'No budget');
    await user.click(screen.getByRole('button', { name: 'Save verdict fields' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(api.saveSettings).toHaveBeenCalledWith({
      salesforce: {
        clientId: '3MVG9-consumer-key',
        loginHost: 'login.salesforce.com',
        verdictFields: {
          Lead: {
            verdict: { field: 'Status', values: { bad: 'Unqualified' } },
            reason: { field: 'Unqualified_Reason__c', kind: 'picklist', values: { no_budget: 'No Budget' } },
          },
        },
      },
    });
  });

  it('a text field takes typed values no longer than the field, and empty leaves it unchanged', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    await user.selectOptions(await screen.findByLabelText('Lead field for the verdict'), 'Lead Feedback (Lead_Feedback__c) · string');
    const bad = screen.getByLabelText('Bad lead');
    expect(bad).toHaveAttribute('maxLength', '40');
    await user.type(bad, 'Bad');
    await user.click(screen.getByRole('button', { name: 'Save verdict fields' }));
    await screen.findByRole('status');
    expect(api.saveSettings.mock.calls[0]?.[0].salesforce?.verdictFields).toEqual({
      Lead: { verdict: { field: 'Lead_Feedback__c', length: 40, values: { bad: 'Bad' } } },
    });
  });

  it('says plainly what no longer fits the org: a field gone, a value no longer active', async () => {
    const view = viewWith({
      verdictFields: {
        Lead: {
          verdict: { field: 'Status', values: { bad: 'Disqualified' } },
          reason: { field: 'Why_Bad__c', kind: 'text' },
        },
      },
    });
    render(<VerdictFieldsSettings api={fakeApi()} view={view} onChange={() => {}} />);
    const problems = await screen.findByTestId('verdict-field-problems');
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '“Disqualified” is not an active value of Lead Status (Status). Pick another value.',
      'The Lead field Why_Bad__c is not in Salesforce any more, or your user may not edit it. Pick another field or none.',
    ]);
    expect(screen.getByLabelText('Bad lead')).toHaveDisplayValue('Disqualified (not an active value)');
    expect(screen.getByLabelText('Lead field for the reason (optional)')).toHaveDisplayValue('Why_Bad__c (not found in Salesforce)');
  });

  it('shows why the fields could not be read, and reads them again on request', async () => {
    const user = userEvent.setup();
    const message = 'Leadlight could not read the Lead fields from Salesforce: your Salesforce user may not describe Leads (…)';
    const api = fakeApi(async () => Promise.reject(new Error(message)));
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Save verdict fields' })).toBeDisabled();
    api.getSalesforceFields.mockImplementation(async () => LEAD_FIELDS);
    await user.click(screen.getByRole('button', { name: 'Read Lead fields again' }));
    expect(await screen.findByLabelText('Lead field for the verdict')).toBeInTheDocument();
    expect(api.getSalesforceFields).toHaveBeenLastCalledWith('Lead', true);
  });

  it('says a failed reload failed, and does not report the fields as read again', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    await screen.findByLabelText('Lead field for the verdict');
    const message = 'Salesforce did not answer (HTTP 503, SERVER_UNAVAILABLE).';
    api.getSalesforceFields.mockImplementation(async () => Promise.reject(new Error(message)));
    await user.click(screen.getByRole('button', { name: 'Read Lead fields again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByText('Read the Lead fields from Salesforce again.')).not.toBeInTheDocument();
  });

  it('shows a Lead read failure with the Lead fields only, not after switching to Contacts', async () => {
    const user = userEvent.setup();
    const message = 'Leadlight could not read the Lead fields from Salesforce: your Salesforce user may not describe Leads (…)';
    const api = fakeApi(async () => Promise.reject(new Error(message)));
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    // Salesforce takes its time with the Contact describe: meanwhile the page says it is reading, and nothing about Leads.
    let answer: (list: WritableField[]) => void = () => {};
    api.getSalesforceFields.mockImplementation(() => new Promise<WritableField[]>((resolve) => (answer = resolve)));
    await user.click(screen.getByRole('radio', { name: 'Contacts' }));
    expect(await screen.findByText('Reading the Contact fields from Salesforce…')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    answer(LEAD_FIELDS);
    expect(await screen.findByLabelText('Contact field for the verdict')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Leads' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('switches to Contact fields with the keyboard, reading that object’s describe', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<VerdictFieldsSettings api={api} view={viewWith()} onChange={() => {}} />);
    await screen.findByLabelText('Lead field for the verdict');
    screen.getByRole('radio', { name: 'Leads' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Contacts' })).toBeChecked();
    expect(await screen.findByLabelText('Contact field for the verdict')).toBeInTheDocument();
    expect(api.getSalesforceFields).toHaveBeenCalledWith('Contact', false);
  });

  it('has no axe violations with a mapping open', async () => {
    const user = userEvent.setup();
    const { container } = render(<VerdictFieldsSettings api={fakeApi()} view={viewWith()} onChange={() => {}} />);
    await user.selectOptions(await screen.findByLabelText('Lead field for the verdict'), 'Lead Status (Status) · picklist');
    await user.selectOptions(
      screen.getByLabelText('Lead field for the reason (optional)'),
      'Unqualified Reason (Unqualified_Reason__c) · picklist',
    );
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
