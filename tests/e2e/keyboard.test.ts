import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { OptionsPage } from './pages/extension-pages';
import { sendToSidebars } from './support/background';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

// Enough Tab presses to cross the sidebar or most of the options page, few enough to fail fast.
const MAX_TABS = 150;

/** Presses Tab until `focused()` names the wanted element; fails if it never does. */
async function tabTo(page: Page, focused: () => Promise<string | null>, wanted: string | RegExp, key = 'Tab'): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    const now = (await focused()) ?? '';
    if (typeof wanted === 'string' ? now === wanted : wanted.test(now)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Keyboard focus never reached ${String(wanted)} (last: ${await focused()})`);
}

/** What has focus on an extension page: its accessible-ish name. */
const pageFocused = (page: Page) => () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el.closest('label')?.textContent;
    return (el.getAttribute('aria-label') || label || el.textContent || el.tagName).trim();
  });

describe('keyboard only', () => {
  it('gives a bad-lead verdict with a reason and a note in the sidebar', async () => {
    const page = await browser.context.newPage();
    const gmail = new GmailPage(page);
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    // The shortcut puts focus in the sidebar; from there on, only keys.
    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.focused()).toBe('leadlight-sidebar');
    const focused = () => gmail.sidebar.focused();

    await tabTo(page, focused, 'Bad lead');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('radio:wrong_person');
    await page.keyboard.press('ArrowDown');
    const reason = await focused();
    expect(reason).toMatch(/^radio:/);
    expect(reason).not.toBe('radio:wrong_person');
    await tabTo(page, focused, /^Note for marketing|TEXTAREA/);
    await page.keyboard.type('Asked by keyboard only.');
    await tabTo(page, focused, 'Confirm bad lead');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Undo');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('Bad');
    await page.close();
  });

  it('works the options tabs and the feedback filters', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    const page = options.page;
    const focused = pageFocused(page);
    await expect.poll(() => page.getByTestId('options-status').count()).toBe(1);
    await page.keyboard.press('Tab');

    // Tab stops once on the tab strip, at the source in use; arrow keys, Home and End move along it.
    await tabTo(page, focused, 'Demo data');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe('HubSpot');
    await expect.poll(() => page.getByRole('tab', { name: 'HubSpot' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByRole('button', { name: 'Save cache settings' }).count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { name: 'JSON feed URL' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('button', { name: 'Save cache settings' }).count()).toBe(0);

    // The verdict given above is listed; filter it away and back with the keyboard.
    await expect.poll(() => options.feedbackRows.count()).toBeGreaterThan(0);
    await tabTo(page, focused, /^VerdictAllGoodBad$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Verdict').inputValue()).toBe('bad');
    await expect.poll(() => options.feedbackRows.filter({ hasText: 'Tom Becker' }).count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByLabel('Verdict').inputValue()).toBe('good');
    await expect.poll(() => options.feedbackRows.filter({ hasText: 'Tom Becker' }).count()).toBe(0);

    // Editing a persona and leaving the form, by keys alone.
    await tabTo(page, focused, /^Edit Operations Leader|^EditOperations Leader/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('persona-form').count()).toBe(1);
    await tabTo(page, focused, 'Fit threshold');
    await tabTo(page, focused, 'Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('persona-form').count()).toBe(0);

    // Deleting local data warns that the verdict kept in this browser would be lost; Cancel keeps it.
    await tabTo(page, focused, 'Delete all local data…');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alertdialog').textContent())
      .toContain('1 verdict given in this browser that has not reached a CRM.');
    await tabTo(page, focused, 'Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });
});
