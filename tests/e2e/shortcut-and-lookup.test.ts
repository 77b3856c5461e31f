import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { sendToSidebars } from './support/background';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
let page: Page;
let gmail: GmailPage;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  gmail = new GmailPage(page);
});
afterAll(() => browser?.close());

describe('keyboard shortcut', () => {
  it('collapses and reopens the sidebar', async () => {
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => page.getByTestId('sidebar-tab').count()).toBe(1);
    expect(await gmail.sidebar.root.count()).toBe(0);
    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
  });

  it('opens an explanatory panel where no contact is on the page', async () => {
    await gmail.gotoInbox();
    await expect.poll(() => gmail.sidebar.root.count()).toBe(0);
    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.root.getByTestId('state-no-contact').count()).toBe(1);
  });
});

describe('context-menu lookup', () => {
  it('shows the looked-up address even where the page shows no contact', async () => {
    await gmail.gotoInbox();
    await sendToSidebars(browser.worker, 'showContact', { email: 'Priya.Raman@corvidretail.example' });
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Priya Raman');
    // Opening a thread moves on from the lookup.
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await gmail.sidebar.switcherTabs.count()).toBe(0);
  });

  it('ignores messages a web page sends itself', async () => {
    await gmail.gotoInbox();
    await page.reload();
    await page.evaluate(() => window.postMessage({ id: 1, type: 'showContact', data: { email: 'x@y.example' }, timestamp: 0 }, '*'));
    await page.waitForTimeout(200);
    expect(await gmail.sidebar.root.count()).toBe(0);
  });
});
