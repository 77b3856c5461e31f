import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { sendFromExtensionPage } from './support/extension-messages';
import { routeHubspot } from './support/hubspot-route';
import { launchWithExtension, type Launched } from './support/launch';
import { routeSalesforce, storeSalesforceSignIn } from './support/salesforce-route';

let browser: Launched;
let hubspot: Awaited<ReturnType<typeof routeHubspot>>;

beforeAll(async () => {
  browser = await launchWithExtension();
  hubspot = await routeHubspot(browser.context);
  await routeSalesforce(browser.context);
});
afterAll(() => browser?.close());

describe('the hand-off SLA from a live CRM', () => {
  it('holds the call a rep logged in HubSpot against Maya’s MQL date and names it as the first touch', async () => {
    hubspot.state.engagements = true;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromExtensionPage(options, 'setHubspotToken', { token: 'pat-na1-e2e-token-0000' });
    await sendFromExtensionPage(options, 'saveSettings', {
      source: 'hubspot',
      sla: { firstTouchHours: 4, timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' },
    });

    // tests/fixtures/http/hubspot: Maya became an MQL Thu 18 Sep 2025 at 17:45 London, after hours, so the four
    // business hours run Fri 09:00–13:00; the intro call was logged at 09:30 (calls-batch-maya.json), typed by the
    // portal as a "Discovery call", a type it has since relabelled "Discovery" (property-calls-hs-activity-type.json):
    // the badge names it so.
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Maya Okafor');
    // Her owner by name, as HubSpot's owners API gives it (owner-52331987.json), never as the id the record holds.
    expect(await gmail.sidebar.root.getByText('Owner', { exact: true }).locator('..').textContent()).toMatch(/^Owner Alex Rivera/);
    await expect
      .poll(() => gmail.sidebar.root.getByTestId('sla-state').textContent())
      .toMatch(
        /^SLA met · first touch at Sep 19, 2025, \d{1,2}:30 AM, 3 h 30 min early · Discovery logged in HubSpot: Intro call – peak season planning$/,
      );
    // Her own missed call and her reply are hers, not sales': the list holds what sales did.
    const activity = gmail.sidebar.root.getByTestId('sales-activity');
    await expect.poll(() => activity.getByRole('heading').first().textContent()).toContain('Sales activity (6)');
    expect(await activity.textContent()).not.toContain('Missed call from Maya Okafor');
  });

  it('lists the Tasks and Events reps logged in Salesforce, without the list email or Leadlight’s own verdict Task', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await storeSalesforceSignIn(browser.worker);
    await sendFromExtensionPage(options, 'saveSettings', { source: 'salesforce' });

    // tests/fixtures/http/salesforce/lead-tom-becker.json: Salesforce keeps no hand-off date, so no SLA is shown.
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Tom Becker');
    const activity = gmail.sidebar.root.getByTestId('sales-activity');
    await expect.poll(() => activity.getByRole('heading').first().textContent()).toBe('Sales activity (6)');
    // The newest four, each by the org's own Type for it: "Demo" is a value of its own Task Type picklist,
    // shown under the label the org gives it (tests/fixtures/http/salesforce/describe-task.json).
    expect((await activity.getByTestId('sales-activity-entry').allTextContents()).map((t) => t.split(' · ')[0])).toEqual([
      'Meeting: On-site demo at Alder Manufacturing',
      'Meeting: Plant operations review',
      'Product demo: Product walkthrough',
      'Call: Discovery call',
    ]);
    expect(await gmail.sidebar.root.getByTestId('sla-state').count()).toBe(0);
  });
});
