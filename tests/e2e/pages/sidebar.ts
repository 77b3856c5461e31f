import type { Locator, Page } from 'playwright-core';

/** The Leadlight sidebar inside Gmail; Playwright locators pierce its open shadow root. */
export class SidebarPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('leadlight-sidebar');
  }
  get contactName() {
    return this.root.getByTestId('contact-name');
  }
  get originalSource() {
    return this.root.getByTestId('lead-source-original');
  }
  get timelineEntries() {
    return this.root.getByTestId('timeline-entry');
  }
  get personaName() {
    return this.root.getByTestId('persona-name');
  }
  get switcherTabs() {
    return this.root.getByTestId('contact-switcher').getByRole('tab');
  }
  get lastVerdict() {
    return this.root.getByTestId('last-verdict');
  }
  async selectContact(name: string) {
    await this.root.getByRole('tab', { name }).click();
  }
  /** Gives a verdict the way a rep does: verdict, reason, note, confirm. */
  async giveFeedback(verdict: 'good' | 'bad', reason: string, note?: string) {
    await this.root.getByRole('button', { name: verdict === 'good' ? /Good lead/ : /Bad lead/ }).click();
    await this.root.getByRole('radio', { name: reason }).check();
    if (note) await this.root.getByLabel(/Note for marketing/).fill(note);
    await this.root.getByRole('button', { name: verdict === 'good' ? 'Confirm good lead' : 'Confirm bad lead' }).click();
  }
}
