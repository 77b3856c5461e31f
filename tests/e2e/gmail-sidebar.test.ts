import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { OptionsPage, PopupPage } from './pages/extension-pages';
import { sendFromExtensionPage } from './support/extension-messages';
import { launchWithExtension, type Launched } from './support/launch';
import { importBatch } from '@/lib/domain/import-batch';
import { readFixtureJson } from '../support/fixtures';

let browser: Launched;
let page: Page;
let gmail: GmailPage;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  gmail = new GmailPage(page);
});
afterAll(() => browser?.close());

describe('Gmail sidebar on demo data', () => {
  it('shows the opened thread contact: lead source, campaigns and persona', async () => {
    await gmail.gotoInbox();
    await gmail.openThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    expect(await gmail.sidebar.originalSource.textContent()).toMatch(/\w/);
    expect(await gmail.sidebar.timelineEntries.count()).toBeGreaterThanOrEqual(6);
    expect(await gmail.sidebar.personaName.textContent()).toBe('Operations Leader');
    expect(await gmail.sidebar.root.getByTestId('data-as-of').textContent()).toContain('Demo data');
  });

  it('shows an overdue hand-off and the upcoming campaigns that fit the contact', async () => {
    // Maya was handed to sales on the demo's Nov 18 with no sales touch since.
    expect(await gmail.sidebar.root.getByTestId('sla-state').textContent()).toMatch(/^Overdue · first touch overdue by/);
    expect(await gmail.sidebar.root.getByTestId('upcoming-campaigns').textContent()).toContain('Spring Product Launch Webinar');
  });

  it('makes room for itself so the message is not covered', async () => {
    const margin = await page.evaluate(() => document.documentElement.style.marginRight);
    expect(margin).toBe('320px');
  });

  it('follows navigation to another thread and hides on the inbox', async () => {
    await gmail.backToInbox();
    await expect.poll(() => gmail.sidebar.root.count()).toBe(0);
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
  });

  it('offers a switcher when the thread has several external people', async () => {
    await gmail.gotoThread(THREADS.danielPriya);
    await expect.poll(() => gmail.sidebar.switcherTabs.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Daniel Kim');
    await gmail.sidebar.selectContact('Priya Raman');
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Priya Raman');
  });

  it('says plainly when a contact is unknown', async () => {
    await gmail.gotoThread(THREADS.jordan);
    await expect.poll(() => gmail.sidebar.root.getByTestId('state-unknown').textContent()).toContain('jordan.lee@unknown-startup.example');
  });

  it('keeps feedback across a reload and lists it on the options page, signed by the rep set in Settings', async () => {
    const settings = await OptionsPage.open(browser.context, browser.extensionId);
    const you = settings.page.getByTestId('rep-identity');
    await you.getByLabel('Your work email').fill('alex.rivera@brightwave.example');
    await you.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => you.getByRole('status').textContent()).toContain('Saved');
    await settings.page.close();

    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    await gmail.sidebar.giveFeedback('bad', 'No budget', 'Frozen until Q3');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('No budget');
    await page.reload();
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('Bad lead');
    expect(await gmail.sidebar.lastVerdict.textContent()).toContain('Frozen until Q3');

    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await expect.poll(() => options.feedbackRows.count()).toBe(1);
    const row = await options.feedbackRows.first().textContent();
    expect(row).toContain('tom.becker@aldermfg.example');
    expect(row).toContain('No budget');
    expect(row).toContain('Frozen until Q3');
    expect(row).toContain('alex.rivera@brightwave.example');
    await options.page.close();
  });

  it('lets the rep undo a verdict for a few seconds', async () => {
    await gmail.gotoThread(THREADS.noah);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Noah Feld');
    await gmail.sidebar.giveFeedback('good', 'Active project');
    await gmail.sidebar.root.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => gmail.sidebar.lastVerdict.count()).toBe(0);
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await expect.poll(() => options.feedbackRows.count()).toBe(1);
    expect(await options.feedbackRows.first().textContent()).not.toContain('noah.feld');
    await options.page.close();
  });

  it('renders hostile strings as text and runs nothing', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // The hostile records are a test fixture, not part of the demo: load them as an import would.
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await sendFromExtensionPage(options.page, 'importRecords', JSON.stringify(importBatch(readFixtureJson('hostile/records.json'))));
    await options.page.close();
    await gmail.gotoThread(THREADS.mallory);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await gmail.sidebar.root.getByTestId('contact-header').textContent()).toContain('<script>');
    expect(await gmail.sidebar.timelineEntries.first().textContent()).toContain('<img src=x onerror=window.__leadlightPwned=1>');
    expect(await gmail.sidebar.root.locator('img, script, svg').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __leadlightPwned?: number }).__leadlightPwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('finds a contact by name from the popup and shows the same context', async () => {
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    expect(await popup.page.getByTestId('source-name').textContent()).toContain('Demo data');
    await popup.search('priya');
    await popup.results.filter({ hasText: 'Priya Raman' }).click();
    await expect.poll(() => popup.page.getByTestId('contact-name').textContent()).toBe('Priya Raman');
    expect(await popup.page.getByTestId('persona-name').textContent()).toBe('Finance Executive');
    expect(await popup.page.getByTestId('local-feedback').textContent()).toBe('1 kept in this browser; no CRM connected');
    await popup.page.close();
  });
});
