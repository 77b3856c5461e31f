import { describe, expect, it } from 'vitest';
import { errorMessage } from '@/components/ui/error-message';

// Texts as they reached the options page before issue 10.
const ZOD_TIME_ZONE = 'Invalid saveSettings: ✖ Unknown time zone; use an IANA name such as Europe/Berlin\n  → at sla.timeZone';
const CHROME_PERMISSION = 'Only permissions specified in the manifest may be requested.';

describe('errorMessage', () => {
  it('turns a settings validation dump into one sentence about what to do', () => {
    expect(errorMessage(new Error(ZOD_TIME_ZONE))).toBe('Choose the SLA time zone from the list, then save again.');
    expect(errorMessage(new Error('Invalid saveSettings: ✖ Too small: expected number to be >=1\n  → at cacheTtlMinutes'))).toBe(
      'Enter how often to refresh CRM contacts as whole minutes, 1 or more, then save again.',
    );
    expect(
      errorMessage(
        new Error('Invalid saveSettings: ✖ The verdict and the reason need different fields\n  → at salesforce.verdictFields.Lead.reason'),
      ),
    ).toBe(
      'Check the fields for verdicts: each value must fit its field, and the verdict and the reason need different fields. Then save again.',
    );
  });

  it('passes on what Leadlight’s own settings rules say to people, and advises where the rule speaks Zod', () => {
    expect(errorMessage(new Error('Invalid saveSettings: ✖ Enter your work email address\n  → at rep.email'))).toBe(
      'Enter your work email address.',
    );
    expect(errorMessage(new Error('Invalid saveSettings: ✖ Keep the list to 100 statuses or fewer\n  → at workedStatuses.hubspot'))).toBe(
      'Keep the list to 100 statuses or fewer.',
    );
    expect(errorMessage(new Error('✖ Too big: expected string to have <=200 characters\n  → at rep.name'))).toBe(
      'Keep your name to 200 characters or fewer, then save again.',
    );
    expect(
      errorMessage(
        new Error('Invalid saveSettings: ✖ Too small: expected string to have >=1 characters\n  → at workedStatuses.salesforce[2]'),
      ),
    ).toBe('Enter each worked status on its own line, none blank or over 200 characters, at most 100, then save again.');
  });

  it('never shows a browser internal', () => {
    expect(errorMessage(new Error(CHROME_PERMISSION))).toBe(
      'Leadlight can only read feeds at https:// addresses; change the address to start with https:// and save again.',
    );
    expect(errorMessage(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(
      'Leadlight was restarting; reload this page and try again.',
    );
  });

  it('falls back to a plain sentence for a dump it cannot place', () => {
    const text = errorMessage(new Error('Invalid savePersona: ✖ Invalid input\n  → at rules[0].kind'));
    expect(text).toBe('Leadlight could not use these values; check the fields on this page and try again.');
  });

  it('keeps a message already written for people', () => {
    expect(errorMessage(new Error('HubSpot refused the token: the private app lacks the scope crm.objects.contacts.read.'))).toBe(
      'HubSpot refused the token: the private app lacks the scope crm.objects.contacts.read.',
    );
  });

  it('every answer is one sentence with no line breaks or markers', () => {
    for (const raw of [ZOD_TIME_ZONE, CHROME_PERMISSION, 'Invalid x: ✖ a\n → at y\n✖ b\n → at z'])
      expect(errorMessage(new Error(raw))).toMatch(/^[^\n✖→]+\.$/);
  });
});
