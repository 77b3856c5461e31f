import { browser } from 'wxt/browser';
import { OPEN_KEY } from './sidebar-port';

/**
 * Follows the rep's open/collapsed choice as it is saved, in this tab or any other: the choice
 * is the rep's, not one tab's, so tabs already open take it up for their next contact.
 * `onChange` hears each saved value (a missing one means open, as in loadOpen); returns the unsubscribe.
 */
export function watchOpenChoice(onChange: (open: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[OPEN_KEY];
    if (area === 'local' && change) onChange(change.newValue !== false);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
