import { browser, type Browser } from 'wxt/browser';
import { EMAIL_IN_TEXT } from '../hosts/participants';
import { contentMessenger } from '../messaging/content-protocol';

export const LOOKUP_MENU_ID = 'leadlight-lookup';

/** The address a context-menu click is about: a mailto link, else an address in the selection. */
export function addressFromClick(info: { linkUrl?: string; selectionText?: string }): string | null {
  if (info.linkUrl?.startsWith('mailto:')) {
    const address = decodeMailto(info.linkUrl.slice('mailto:'.length).split('?')[0] ?? '');
    return EMAIL_IN_TEXT.exec(address)?.[0].toLowerCase() ?? null;
  }
  return EMAIL_IN_TEXT.exec(info.selectionText ?? '')?.[0].toLowerCase() ?? null;
}

/**
 * A mailto address, percent-decoded. Pages write malformed ones (`100%@x`, `%zz`), on which
 * decodeURIComponent throws: then only the well-formed single-byte escapes are decoded,
 * so the address in it is still found.
 */
function decodeMailto(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/%[0-7][0-9a-f]/gi, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
  }
}

/** The sidebar document on its own, for pages where no sidebar frame may be embedded. */
export function lookupWindowUrl(email: string): string {
  return `${browser.runtime.getURL('/sidebar.html')}?lookup=${encodeURIComponent(email)}`;
}

/**
 * Shows an address in Leadlight. On supported hosts the tab's sidebar frame shows it.
 * Anywhere else the sidebar opens in a small window of its own: the frame is
 * web-accessible only to the supported hosts, and nothing Leadlight shows may sit
 * in a page's own DOM, where the page could read it.
 */
export async function showInTab(tabId: number, email: string): Promise<'sidebar' | 'window'> {
  try {
    await contentMessenger.sendMessage('showContact', { email }, { tabId, frameId: 0 });
    return 'sidebar';
  } catch {
    // No sidebar in this tab.
  }
  await browser.windows.create({ url: lookupWindowUrl(email), type: 'popup', width: 380, height: 720 });
  return 'window';
}

/**
 * Adds "Look up in Leadlight" for selected text and mailto links, at every start of the
 * background: Firefox forgets a persistent background page's items when the browser
 * restarts (MDN, menus.create), so creating it only on install lost it. Chrome keeps
 * its items, and creating one again under the same id is an error: removed first.
 */
export function registerLookupMenu(): void {
  void Promise.resolve()
    .then(() => browser.contextMenus.removeAll())
    .then(() =>
      browser.contextMenus.create({
        id: LOOKUP_MENU_ID,
        title: 'Look up in Leadlight',
        contexts: ['selection', 'link'],
        targetUrlPatterns: ['mailto:*'],
      }),
    )
    .catch((error: unknown) => console.warn('Leadlight could not add "Look up in Leadlight" to the context menu', error));
  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    const email = addressFromClick(info);
    if (info.menuItemId !== LOOKUP_MENU_ID || !email || tab?.id === undefined) return;
    void showInTab(tab.id, email).catch((error: unknown) => console.warn('Leadlight lookup failed', error));
  });
}
