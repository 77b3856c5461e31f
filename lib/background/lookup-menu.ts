import { browser, type Browser } from 'wxt/browser';
import { EMAIL_IN_TEXT } from '../hosts/participants';
import { contentMessenger } from '../messaging/content-protocol';

export const LOOKUP_MENU_ID = 'leadlight-lookup';

/** The address a context-menu click is about: a mailto link, else an address in the selection. */
export function addressFromClick(info: { linkUrl?: string; selectionText?: string }): string | null {
  if (info.linkUrl?.startsWith('mailto:')) {
    const address = decodeURIComponent(info.linkUrl.slice('mailto:'.length).split('?')[0] ?? '');
    return EMAIL_IN_TEXT.exec(address)?.[0].toLowerCase() ?? null;
  }
  return EMAIL_IN_TEXT.exec(info.selectionText ?? '')?.[0].toLowerCase() ?? null;
}

/**
 * Shows an address in the tab's sidebar. On supported hosts the sidebar is already
 * there; anywhere else the lookup script is injected under activeTab, which the
 * menu click grants for this tab only.
 */
export async function showInTab(tabId: number, email: string): Promise<void> {
  try {
    await contentMessenger.sendMessage('showContact', { email }, tabId);
    return;
  } catch {
    // No sidebar in this tab yet.
  }
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/lookup.js'] });
  await contentMessenger.sendMessage('showContact', { email }, tabId);
}

/** Adds "Look up in Leadlight" for selected text and mailto links. */
export function registerLookupMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: LOOKUP_MENU_ID,
      title: 'Look up in Leadlight',
      contexts: ['selection', 'link'],
      targetUrlPatterns: ['mailto:*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    const email = addressFromClick(info);
    if (info.menuItemId !== LOOKUP_MENU_ID || !email || tab?.id === undefined) return;
    void showInTab(tab.id, email).catch((error: unknown) => console.warn('Leadlight lookup failed', error));
  });
}
