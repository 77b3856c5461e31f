import { browser } from 'wxt/browser';
import { contentMessenger } from '../messaging/content-protocol';

export const TOGGLE_COMMAND = 'toggle-sidebar';

/** Tells the active tab's sidebar to show or hide; tabs without one are left alone. */
export async function toggleInTab(tabId: number): Promise<boolean> {
  try {
    await contentMessenger.sendMessage('toggleSidebar', undefined, tabId);
    return true;
  } catch {
    return false;
  }
}

/** The keyboard shortcut (manifest `commands`), rebindable in the browser's shortcut settings. */
export function registerToggleCommand(): void {
  browser.commands.onCommand.addListener((command: string, tab?: { id?: number }) => {
    if (command !== TOGGLE_COMMAND) return;
    const withTab =
      tab?.id !== undefined ? Promise.resolve(tab.id) : browser.tabs.query({ active: true, currentWindow: true }).then((t) => t[0]?.id);
    void withTab.then((id) => (id === undefined ? false : toggleInTab(id)));
  });
}
