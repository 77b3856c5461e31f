import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The iframe element the content script adds to a host page (see lib/hosts/sidebar-frame.ts). */
export const FRAME_SELECTOR = '[data-testid="leadlight-frame"]';

/**
 * The Leadlight sidebar in a host page. It lives in an extension-origin iframe the
 * page cannot reach into; Playwright can, through frameLocator.
 */
export class SidebarPanel {
  readonly frame: FrameLocator;
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.frame = page.frameLocator(FRAME_SELECTOR);
    this.root = this.frame.getByTestId('leadlight-sidebar');
  }
  /** The iframe element itself, as the host page sees it. */
  get element() {
    return this.page.locator(FRAME_SELECTOR);
  }
  get tab() {
    return this.frame.getByTestId('sidebar-tab');
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
  /** Which element has focus inside the frame (its data-testid, role or tag), or null when the frame has none. */
  async focused(): Promise<string | null> {
    const frame = await (await this.element.elementHandle())?.contentFrame();
    if (!frame) return null;
    return frame.evaluate(() => {
      if (!document.hasFocus()) return null;
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const input = el instanceof HTMLInputElement ? `${el.type}:${el.value}` : '';
      return el.dataset.testid || el.getAttribute('aria-label') || input || el.textContent?.trim() || el.tagName;
    });
  }
}
