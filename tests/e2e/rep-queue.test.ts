import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

describe('the rep’s queue', () => {
  it('the toolbar badge counts the rep’s overdue hand-offs, and the popup lists them first and opens any', async () => {
    const worker = browser.worker;
    // The demo inbox is Alex Rivera's; lib/demo/featured.ts hands Maya Okafor to him, untouched and overdue.
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 15_000 }).toMatch(/^\d+$/);
    const badge = Number(await worker.evaluate(() => chrome.action.getBadgeText({})));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const queue = popup.getByTestId('rep-queue');
    await expect
      .poll(() => queue.getByRole('heading').textContent())
      .toMatch(new RegExp(`^Your hand-offs: ${badge} overdue, \\d+ due soon$`));
    const items = queue.getByTestId('queue-item');
    const texts = await items.allTextContents();
    // Overdue first, then due soon.
    const firstDueSoon = texts.findIndex((t) => t.includes('due in'));
    expect(texts.slice(0, badge).every((t) => t.includes('overdue'))).toBe(true);
    if (firstDueSoon >= 0) expect(firstDueSoon).toBe(badge);
    await items.filter({ hasText: 'Maya Okafor' }).click();
    await expect.poll(() => popup.getByTestId('contact-name').textContent()).toBe('Maya Okafor');
    await popup.close();
  });
});
