import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickButton, clickLink, fillLabelled, textOf, textsOf, valueOfLabelled } from './support/dom';
import { gotoExtensionPage, launchFirefox, type FirefoxRun } from './support/launch-firefox';

let run: FirefoxRun;

beforeAll(async () => {
  run = await launchFirefox('options.html');
});
afterAll(() => run?.close());

describe('Firefox: extension pages on the MV2 background page', () => {
  it('the options page loads from the background and saves a setting that survives a reload', async () => {
    const page = run.start;
    await expect.poll(() => textOf(page, 'options-status')).toMatch(/Demo data .* 600 contacts/);
    await fillLabelled(page, 'First touch within (business hours)', '6');
    await clickButton(page, 'Save SLA');
    await expect.poll(() => textOf(page, 'sla-settings')).toContain('Saved.');
    await gotoExtensionPage(page);
    await expect.poll(() => valueOfLabelled(page, 'First touch within (business hours)')).toBe('6');
  });

  it('the popup finds a demo contact by name and shows the same context', async () => {
    const popup = run.start;
    await gotoExtensionPage(popup, 'popup.html');
    await fillLabelled(popup, 'Look up a contact', 'maya okafor');
    expect(await valueOfLabelled(popup, 'Look up a contact')).toBe('maya okafor');
    await expect.poll(() => textsOf(popup, 'search-results')).toEqual([expect.stringContaining('Maya Okafor')]);
    // Picked from the keyboard, as a rep does without leaving the box.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await expect.poll(() => textOf(popup, 'contact-name')).toBe('Maya Okafor');
  });

  it('shows the Salesforce admin the callback URL Firefox signs in with', async () => {
    const page = run.start;
    await gotoExtensionPage(page, 'options.html');
    // The panel opens on the source in use once settings load; pick the tab after that.
    await expect.poll(() => textOf(page, 'options-status')).toMatch(/600 contacts/);
    await clickButton(page, 'Salesforce');
    // Firefox's documented identity redirect: https://<hash>.extensions.allizom.org/
    await expect.poll(() => textOf(page, 'salesforce-callback-url')).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  });
});

describe('Firefox: store package', () => {
  it('the options page links to the privacy notice the package ships', async () => {
    const page = run.start;
    await gotoExtensionPage(page, 'options.html');
    await clickLink(page, 'Privacy: what Leadlight reads, stores and sends');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null))
      .toBe('Leadlight privacy notice');
  });

  it('shows the brand mark, drawn from the packaged icon', async () => {
    const page = run.start;
    await gotoExtensionPage(page, 'popup.html');
    const mark = () => page.evaluate(() => [...document.images].map((i) => [i.getAttribute('src'), i.naturalWidth > 0]));
    await expect.poll(mark).toEqual([['/icon/icon.svg', true]]);
  });
});

describe('Firefox differences', () => {
  it('keeps the cache and unsent feedback from eviction: storage is persistent without a prompt', async () => {
    // Firefox evicts add-on IndexedDB under pressure unless persisted; the background asks at start.
    await expect.poll(() => run.start.evaluate(() => navigator.storage.persisted())).toBe(true);
  });
});
