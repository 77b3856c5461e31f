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

/** Where the page's own focus is: the sidebar frame element, or something of the page. */
const pageFocus = () => page.evaluate(() => (document.activeElement?.matches('[data-testid="leadlight-frame"]') ? 'frame' : 'page'));

describe('keyboard shortcut (Alt+Shift+L)', () => {
  it('first puts focus in the open sidebar, then collapses it, then reopens it with focus', async () => {
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    expect(await pageFocus()).toBe('page');

    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(pageFocus).toBe('frame');
    await expect.poll(() => gmail.sidebar.focused()).toBe('leadlight-sidebar');
    expect(await gmail.sidebar.root.count()).toBe(1);

    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.tab.count()).toBe(1);
    expect(await gmail.sidebar.root.count()).toBe(0);
    // Collapsed, the frame shrinks to the tab and gives the page its width back.
    await expect.poll(() => page.evaluate(() => document.documentElement.style.marginRight)).toBe('');

    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await expect.poll(pageFocus).toBe('frame');
    await expect.poll(() => gmail.sidebar.focused()).toBe('leadlight-sidebar');
  });

  it('remembers the collapsed tab across a reload', async () => {
    await sendToSidebars(browser.worker, 'toggleSidebar'); // focused already: collapses
    await expect.poll(() => gmail.sidebar.tab.count()).toBe(1);
    await page.reload();
    await expect.poll(() => gmail.sidebar.tab.count()).toBe(1);
    expect(await gmail.sidebar.root.count()).toBe(0);
    await gmail.sidebar.tab.click();
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await expect.poll(() => gmail.sidebar.focused()).toBe('leadlight-sidebar');
  });

  it('opens an explanatory panel where no contact is on the page', async () => {
    await gmail.gotoInbox();
    await expect.poll(() => gmail.sidebar.root.count()).toBe(0);
    await sendToSidebars(browser.worker, 'toggleSidebar');
    await expect.poll(() => gmail.sidebar.root.getByTestId('state-no-contact').count()).toBe(1);
    await expect.poll(pageFocus).toBe('frame');
  });
});

describe('focus after a verdict', () => {
  it('moves to the first reason, then to Undo, then back to the verdict buttons', async () => {
    await gmail.gotoThread(THREADS.noah);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Noah Feld');
    await gmail.sidebar.root.getByRole('button', { name: 'Bad lead' }).click();
    await expect.poll(() => gmail.sidebar.focused()).toBe('radio:wrong_person');
    await gmail.sidebar.root.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => gmail.sidebar.focused()).toBe('Bad lead');

    await gmail.sidebar.root.getByRole('button', { name: 'Good lead' }).click();
    await expect.poll(() => gmail.sidebar.focused()).toBe('Confirm good lead');
    await page.keyboard.press('Enter');
    await expect.poll(() => gmail.sidebar.focused()).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => gmail.sidebar.focused()).toBe('Good lead');
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

  it('on any other site, shows the address in a window of its own, the same sidebar document', async () => {
    const lookup = await browser.context.newPage();
    await lookup.goto(`chrome-extension://${browser.extensionId}/sidebar.html?lookup=${encodeURIComponent('tom.becker@aldermfg.example')}`);
    await expect.poll(() => lookup.getByTestId('contact-name').textContent()).toBe('Tom Becker');
    expect(await lookup.getByTestId('contact-switcher').count()).toBe(0);
    await lookup.close();
  });
});
