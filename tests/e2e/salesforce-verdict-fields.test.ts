import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { seriousViolations } from './support/axe';
import { sendFromExtensionPage } from './support/extension-messages';
import { launchWithExtension, type Launched } from './support/launch';
import { routeSalesforce, storeSalesforceSignIn } from './support/salesforce-route';

let browser: Launched;
let salesforce: Awaited<ReturnType<typeof routeSalesforce>>;

beforeAll(async () => {
  browser = await launchWithExtension();
  salesforce = await routeSalesforce(browser.context);
});
afterAll(() => browser?.close());

describe('a Salesforce verdict sets the Lead fields the admin picked', () => {
  it('Status → Unqualified picked on the options page; a Bad verdict in Gmail sends the Task and one PATCH with Status=Unqualified', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await storeSalesforceSignIn(browser.worker);
    await sendFromExtensionPage(options, 'saveSettings', {
      source: 'salesforce',
      rep: { email: 'alex.rivera@brightwave.example', name: 'Alex Rivera' },
    });
    await options.reload();

    const section = options.getByTestId('verdict-fields');
    await section.getByLabel('Lead field for the verdict').selectOption({ label: 'Lead Status (Status) · picklist' });
    await section.getByLabel('Bad lead').selectOption({ label: 'Unqualified' });
    // The picker as the admin sees it, styled, with the values open.
    expect(await seriousViolations(options)).toEqual([]);
    await section.getByRole('button', { name: 'Save verdict fields' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toContain('Saved.');

    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Tom Becker');
    await gmail.sidebar.giveFeedback('bad', 'No budget', 'Budget frozen until FY27');
    // After the undo window, the outbox sends it.
    await expect.poll(() => salesforce.patches.length, { timeout: 30_000 }).toBe(1);
    expect(salesforce.patches[0]).toEqual({ path: '/sobjects/Lead/00QHs00001TomBkMAA', body: { Status: 'Unqualified' } });
    expect(salesforce.taskBodies).toHaveLength(1);
    expect(salesforce.taskBodies[0]).toMatchObject({
      WhoId: '00QHs00001TomBkMAA',
      Subject: expect.stringMatching(/^Lead feedback: Bad lead – No budget \[LL-/),
    });
  });
});
