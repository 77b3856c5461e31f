import { browser } from 'wxt/browser';

/**
 * The origins Leadlight's own pages load from. Chrome gives extension resources a
 * per-session URL when the manifest asks for `use_dynamic_url` (runtime.getURL returns
 * it), while the pages themselves still run at chrome-extension://<id>/; both count.
 */
export function ownOrigins(): string[] {
  const dynamic = new URL(browser.runtime.getURL('/')).origin;
  const fixed = `${new URL(dynamic).protocol}//${browser.runtime.id}`;
  return [...new Set([dynamic, fixed])];
}

/** Whether a sender's URL is one of Leadlight's own pages (optionally: this page). */
export function isOwnPage(url: string | undefined, path?: string): boolean {
  if (!url) return false;
  const parsed = URL.parse(url);
  return !!parsed && ownOrigins().includes(parsed.origin) && (path === undefined || parsed.pathname === path);
}
