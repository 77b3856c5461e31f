import type { Worker } from 'playwright-core';

/**
 * Sends a background → content message to every tab (only a tab with a sidebar
 * answers; the extension cannot read tab URLs without the tabs permission), as the
 * background's command and context-menu handlers do. Chromium offers no way to
 * press an extension shortcut or click a context-menu item from a test, so the
 * e2e suite starts at the message; the handlers themselves are unit tested.
 */
export async function sendToSidebars(worker: Worker, type: string, data?: unknown): Promise<void> {
  const answered = await worker.evaluate(
    async ({ type, data }) => {
      const tabs = await chrome.tabs.query({});
      const sent = await Promise.allSettled(tabs.map((t) => chrome.tabs.sendMessage(t.id!, { id: 1, type, data, timestamp: Date.now() })));
      return sent.filter((r) => r.status === 'fulfilled' && r.value).length;
    },
    { type, data },
  );
  if (answered === 0) throw new Error(`No sidebar answered ${type}`);
}
