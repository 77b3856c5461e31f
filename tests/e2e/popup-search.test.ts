import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PopupPage } from './pages/extension-pages';
import { launchWithExtension, type Launched } from './support/launch';
import { stopWorker } from './support/stop-worker';

let browser: Launched;
let popup: PopupPage;

beforeAll(async () => {
  browser = await launchWithExtension();
  popup = await PopupPage.open(browser.context, browser.extensionId);
});
afterAll(() => browser?.close());

const resultTexts = () => popup.results.allTextContents();

describe('Popup search on demo data, through the background index', () => {
  it('opens with the box focused', async () => {
    await expect.poll(() => popup.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  });

  it('finds people by domain, part of an address, the middle of a name and without accents', async () => {
    await popup.search('corvidretail.example');
    await expect.poll(resultTexts).toContainEqual(expect.stringContaining('Priya Raman'));
    await popup.search('@corvidretail');
    await expect.poll(resultTexts).toContainEqual(expect.stringContaining('Priya Raman'));
    await popup.search('kim@helix');
    await expect.poll(resultTexts).toEqual([expect.stringContaining('Daniel Kim')]);
    await popup.search('iya');
    await expect.poll(resultTexts).toContainEqual(expect.stringContaining('Priya Raman'));
    // The demo has no Müller; its Garcías have the same accent problem.
    await popup.search('garcia');
    await expect
      .poll(async () => {
        const texts = await resultTexts();
        return texts.length > 0 && texts.every((t) => t.includes('García'));
      })
      .toBe(true);
  });

  it('picks with the keyboard and says nothing contradictory above the card', async () => {
    await popup.search('priya raman');
    await expect.poll(resultTexts).toEqual([expect.stringContaining('Priya Raman')]);
    await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => popup.page.getByTestId('contact-name').textContent()).toBe('Priya Raman');
    await popup.page.waitForTimeout(300);
    expect(await popup.page.getByText('No cached contact matches.').count()).toBe(0);
  });

  it('keeps answering after the browser stopped the service worker between two searches', async () => {
    // Several searches first: the page then asks over its own channel to the worker.
    for (const query of ['tom', 'maya', 'priya']) {
      await popup.search(query);
      await expect
        .poll(resultTexts)
        .toContainEqual(expect.stringContaining(query === 'tom' ? 'Tom Becker' : query === 'maya' ? 'Maya Okafor' : 'Priya Raman'));
    }
    await stopWorker(browser, popup.page);
    await popup.search('daniel kim');
    await expect.poll(resultTexts, { timeout: 5_000 }).toEqual([expect.stringContaining('Daniel Kim')]);
    await popup.search('corvidretail.example');
    await expect.poll(resultTexts, { timeout: 5_000 }).toContainEqual(expect.stringContaining('Priya Raman'));
  });
});
