import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { SidebarPanel } from './pages/sidebar';
import { GMAIL_LIKE_CSP, routeWithCsp, SALESFORCE_LIKE_CSP } from './support/csp';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeWithCsp(browser.context, 'https://mail.google.com', 'gmail/demo-gmail.html', GMAIL_LIKE_CSP);
  await routeWithCsp(browser.context, 'https://brightwave.lightning.force.com', 'salesforce/console.html', SALESFORCE_LIKE_CSP);
});
afterAll(() => browser?.close());

/** Violations that concern Leadlight (the look-alikes' own inline handlers are blocked too, as the host's policy wants). */
const violations = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter((v) =>
    /extension|frame-src|child-src/.test(v),
  );

describe('under the hosts’ strict Content-Security-Policy', () => {
  it('Gmail (nonces, strict-dynamic, Trusted Types, frame-src of Google hosts only): the frame loads and shows the contact', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await gmail.sidebar.giveFeedback('good', 'Active project');
    await expect.poll(() => gmail.sidebar.root.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    expect(await violations(gmail.page)).toEqual([]);
    await gmail.page.close();
  });

  it('Salesforce (self and nonce scripts, frame-src of Salesforce hosts only): the frame loads and shows the record', async () => {
    const page = await browser.context.newPage();
    const sidebar = new SidebarPanel(page);
    await page.goto('https://brightwave.lightning.force.com/lightning/r/Contact/0035e00000XyZabCDE/view');
    await expect.poll(() => sidebar.contactName.textContent()).toBe('Priya Raman');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
