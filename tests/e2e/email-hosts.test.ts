import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SidebarPanel } from './pages/sidebar';
import { launchWithExtension, routeHost, type Launched } from './support/launch';

let browser: Launched;
let page: Page;
let sidebar: SidebarPanel;

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeHost(browser.context, 'https://outlook.office.com', 'outlook/app.html');
  page = await browser.context.newPage();
  sidebar = new SidebarPanel(page);
});
afterAll(() => browser?.close());

describe('Gmail compose', () => {
  it('shows the person being written to and follows added and removed recipients', async () => {
    // The compose look-alike replaces the thread look-alike for this origin.
    await browser.context.unroute('https://mail.google.com/**');
    await routeHost(browser.context, 'https://mail.google.com', 'gmail-compose/compose-app.html');
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.getByTestId('compose-button').click();
    await page.getByTestId('to-input').fill('priya.raman@corvidretail.example');
    await page.getByTestId('to-input').press('Enter');
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Priya Raman');
    await page.getByTestId('to-input').fill('tom.becker@aldermfg.example');
    await page.getByTestId('to-input').press('Enter');
    await expect.poll(() => sidebar.switcherTabs.count()).toBe(2);
    await page.getByTestId('remove-chip').first().click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Tom Becker');
    await page.getByTestId('close-compose').click();
    await expect.poll(() => sidebar.root.count()).toBe(0);
  });
});

describe('Outlook on the web', () => {
  it('shows the sender of the selected message and switches with the selection', async () => {
    await page.goto('https://outlook.office.com/mail/inbox');
    await page.locator('[data-testid="message-row"][data-message="m1"]').click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Maya Okafor');
    expect(await sidebar.switcherTabs.count()).toBe(2);
    await page.locator('[data-testid="message-row"][data-message="m2"]').click();
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Tom Becker');
  });
});
