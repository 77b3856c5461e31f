import type { BrowserContext, Page } from 'playwright-core';

/** The options page, opened as a tab the way the popup's link opens it. */
export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }
  get feedbackRows() {
    return this.page.getByTestId('feedback-row');
  }
}

/** The toolbar popup, loaded as a page (Playwright cannot click the toolbar). */
export class PopupPage {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }
  async search(text: string) {
    await this.page.getByLabel('Look up a contact').fill(text);
  }
  get results() {
    return this.page.getByTestId('search-results').getByRole('option');
  }
}
