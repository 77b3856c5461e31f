import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { OptionsPage, PopupPage } from './pages/extension-pages';
import { seriousViolations } from './support/axe';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

// Every page, in the light and dark schemes the pages follow (prefers-color-scheme).
describe.each(['light', 'dark'] as const)('axe-core, %s scheme: no serious or critical violations', (colorScheme) => {
  it('sidebar, with a contact and its feedback form open', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    const gmail = new GmailPage(page);
    await gmail.gotoThread(THREADS.danielPriya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Daniel Kim');
    await gmail.sidebar.root.getByRole('button', { name: /Bad lead/ }).click();
    const frame = await (await gmail.sidebar.element.elementHandle()).contentFrame();
    expect(await seriousViolations(frame!)).toEqual([]);
    await page.close();
  });

  it('popup, with a contact picked', async () => {
    const popup = await PopupPage.open(browser.context, browser.extensionId);
    await popup.page.emulateMedia({ colorScheme });
    await popup.search('priya');
    await popup.results.first().click();
    await expect.poll(() => popup.page.getByTestId('contact-name').count()).toBe(1);
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.page.close();
  });

  it('options', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.page.emulateMedia({ colorScheme });
    await expect.poll(() => options.page.getByTestId('options-status').count()).toBe(1);
    await expect.poll(() => options.page.getByTestId('persona-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(options.page)).toEqual([]);
    await options.page.close();
  });

  it('report', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${browser.extensionId}/report.html`);
    await expect.poll(() => page.getByRole('table').count()).toBeGreaterThan(0);
    // Judged at rest: while a section updates (the demo asks again for its own period) it is dimmed on purpose.
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
