import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { launchWithExtension, type Launched } from './support/launch';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/import/salesforce-campaign-members.csv');
let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

describe('CSV import', () => {
  it('imports a Salesforce campaign-member export in the options page, then the sidebar in Gmail shows an imported contact', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Chromium's service worker controls the page, so the batches below take the posted path (lib/messaging/post-request.ts).
    expect(await options.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await options.getByRole('tab', { name: 'CSV / JSON import' }).click();
    await options.getByLabel('CSV or JSON file').setInputFiles(FIXTURE);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('import-summary').textContent(), { timeout: 20_000 })
      .toMatch(/Imported 7 rows · 0 rows skipped/);
    await expect.poll(() => options.getByTestId('options-status').textContent()).toContain('Import: salesforce-campaign-members.csv');

    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.jordan);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Jordan Lee');
    expect(await gmail.sidebar.timelineEntries.count()).toBe(2);
  });
});
