import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SidebarPanel } from './pages/sidebar';
import { launchWithExtension, routeHost, type Launched } from './support/launch';

let browser: Launched;
let page: Page;
let sidebar: SidebarPanel;

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeHost(browser.context, 'https://app.hubspot.com', 'hubspot/app.html');
  await routeHost(browser.context, 'https://brightwave.lightning.force.com', 'salesforce/console.html');
  await routeHost(browser.context, 'https://brightwave.pipedrive.com', 'pipedrive/app.html');
  page = await browser.context.newPage();
  sidebar = new SidebarPanel(page);
});
afterAll(() => browser?.close());

describe('CRM records', () => {
  it('HubSpot: shows the record contact and switches with single-page navigation', async () => {
    await page.goto('https://app.hubspot.com/contacts/123456/record/0-1/101');
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Maya Okafor');
    await page.locator('[data-testid="record-link"][data-record="102"]').first().click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Priya Raman');
  });

  it('Salesforce console: reads only the active tab of several mounted records', async () => {
    await page.goto('https://brightwave.lightning.force.com/lightning/r/Contact/0035e00000XyZabCDE/view');
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Priya Raman');
    await page.locator('[data-testid="console-tab"][data-record="00Q5e00000AbCdEFGH"]').first().click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Tom Becker');
    await page.locator('[data-testid="console-tab"][data-record="0035e00000XyZabCDE"]').first().click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Priya Raman');
  });

  it('Pipedrive: shows the person and follows navigation to another person', async () => {
    await page.goto('https://brightwave.pipedrive.com/person/4021');
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Sofia Lindqvist');
    await page.locator('[data-testid="person-link"][data-person="4022"]').first().click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Maya Okafor');
  });

  it('records every host it scanned in the diagnostics view', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const rows = options.getByTestId('diagnostics-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'salesforce' }).textContent()).toContain('emailField');
    await options.close();
  });

  it('shows the Salesforce admin the exact callback URL this browser signs in with', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // The panel opens on the source in use once settings load; pick the tab after that.
    await expect.poll(() => options.getByTestId('options-status').textContent()).toMatch(/contacts/);
    await options.getByRole('tab', { name: 'Salesforce' }).click();
    // Chrome's documented identity redirect: https://<extension-id>.chromiumapp.org/
    await expect
      .poll(() => options.getByTestId('salesforce-callback-url').textContent())
      .toBe(`https://${browser.extensionId}.chromiumapp.org/`);
    await options.close();
  });
});
