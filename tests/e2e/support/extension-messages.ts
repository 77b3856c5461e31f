import type { Page } from 'playwright-core';

/**
 * Sends a protocol message from one of Leadlight's own pages (options, popup), in the
 * wire format @webext-core/messaging uses, as the page's own code would.
 */
export async function sendFromExtensionPage<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    ({ type, data }) =>
      new Promise<T>((resolve, reject) =>
        chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, (r: { res?: T; err?: { message: string } }) =>
          r?.err ? reject(new Error(r.err.message)) : resolve(r?.res as T),
        ),
      ),
    { type, data },
  );
}
