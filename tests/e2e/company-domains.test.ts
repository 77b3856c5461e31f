import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { OptionsPage } from './pages/extension-pages';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

describe('colleagues on the company’s other email domains', () => {
  it('leave the sidebar of a thread open in Gmail once the rep names their domain in Settings → You', async () => {
    // demo-gmail.html: Tom Becker wrote with Kai Nguyen (kai.nguyen@brightwave.io) in Cc; the rep is on brightwave.example.
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.tomKai);
    await expect
      .poll(() => gmail.sidebar.switcherTabs.allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('Tom Becker'), expect.stringContaining('Kai Nguyen')]);

    const settings = await OptionsPage.open(browser.context, browser.extensionId);
    const you = settings.page.getByTestId('rep-identity');
    const domains = you.getByLabel('Your company’s other email domains (optional)');
    await domains.fill('gmail.com');
    await you.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => you.getByRole('alert').textContent()).toContain('gmail.com is a mailbox provider');
    await domains.fill('@Brightwave.io');
    await you.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => you.getByRole('status').textContent()).toContain('Saved');

    // The tab already open drops Kai without a reload; Tom alone is shown, with no switcher.
    await expect.poll(() => gmail.sidebar.switcherTabs.count()).toBe(0);
    expect(await gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    // And a tab opened afterwards never shows him.
    const fresh = new GmailPage(await browser.context.newPage());
    await fresh.gotoThread(THREADS.tomKai);
    await expect.poll(() => fresh.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Tom Becker');
    expect(await fresh.sidebar.switcherTabs.count()).toBe(0);
    await settings.page.reload();
    await expect
      .poll(() => settings.page.getByTestId('rep-identity').getByLabel('Your company’s other email domains (optional)').inputValue())
      .toBe('brightwave.io');
  });
});
