import type { Page } from 'playwright-core';
import { SidebarPanel } from './sidebar';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

/** The Gmail look-alike (tests/fixtures/gmail/demo-gmail.html) at Gmail's real URL. */
export class GmailPage {
  readonly sidebar: SidebarPanel;
  constructor(readonly page: Page) {
    this.sidebar = new SidebarPanel(page);
  }
  async gotoInbox() {
    await this.page.goto(`${GMAIL_URL}#inbox`);
  }
  async gotoThread(token: string) {
    await this.page.goto(`${GMAIL_URL}#inbox/${token}`);
  }
  /** Opens a thread from the list, as a user clicks it. */
  async openThread(token: string) {
    await this.page.locator(`[data-testid="thread-row"][data-thread="${token}"]`).click();
  }
  async backToInbox() {
    await this.page.evaluate(() => {
      location.hash = '#inbox';
    });
  }
}

/** Thread tokens of the look-alike's inbox. */
export const THREADS = {
  maya: 'FMfcgzMaya0001',
  danielPriya: 'FMfcgzDanPri002',
  tom: 'FMfcgzTomB00003',
  mallory: 'FMfcgzMallo0004',
  jordan: 'FMfcgzJordn0005',
  noah: 'FMfcgzNoahF0006',
  lena: 'FMfcgzLenaF0007',
  /** Tom, with Kai Nguyen of Brightwave's other domain (brightwave.io) in Cc. */
  tomKai: 'FMfcgzKaiNg0008',
} as const;
