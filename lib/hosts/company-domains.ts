import { browser } from 'wxt/browser';
import { COMPANY_DOMAINS_KEY } from '../messaging/sidebar-port';
import { setCompanyDomains } from './participants';

/**
 * The content script's copy of the company's other domains (../settings/company-domains.ts).
 * It is read in the same storage read as the rep's open choice, when the page goes idle
 * or with the first contact, and followed from then on as the rep changes it: `onChange`
 * then runs the detection again, so a colleague on another domain leaves an open sidebar at once.
 */
export function followCompanyDomains(onChange: () => void, signal: AbortSignal) {
  let ready = false;
  let listening = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[COMPANY_DOMAINS_KEY];
    if (area !== 'local' || !change) return;
    setCompanyDomains(change.newValue);
    ready = true;
    onChange();
  };
  return {
    key: COMPANY_DOMAINS_KEY,
    /**
     * Follows changes from now on; called right before the list is first read, not as the
     * page loads, where every step of the script's first run is the page's time.
     */
    listen() {
      if (listening || signal.aborted) return;
      listening = true;
      browser.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
    },
    /** The list from a storage read that asked for `key` (a failed read counts as none); true when it names any domain. */
    take(stored: Record<string, unknown> | undefined): boolean {
      if (ready) return false;
      ready = true;
      return setCompanyDomains(stored?.[COMPANY_DOMAINS_KEY]) > 0;
    },
  };
}
