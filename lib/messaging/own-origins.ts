import { browser } from 'wxt/browser';

/**
 * The origins Leadlight's own pages load from. Chrome gives extension resources a
 * per-session URL when the manifest asks for `use_dynamic_url` (runtime.getURL returns
 * it), while the pages themselves still run at chrome-extension://<id>/; both count.
 * Built from strings: Firefox's URL parser gives moz-extension URLs a "null" origin.
 */
export function ownOrigins(): string[] {
  const dynamic = browser.runtime.getURL('/').replace(/\/$/, '');
  const fixed = `${dynamic.slice(0, dynamic.indexOf('://'))}://${browser.runtime.id}`;
  return [...new Set([dynamic, fixed])];
}

/** Whether a sender's URL is one of Leadlight's own pages (optionally: this page). */
export function isOwnPage(url: string | undefined, path?: string): boolean {
  if (!url) return false;
  const origin = ownOrigins().find((o) => url.startsWith(`${o}/`));
  if (!origin) return false;
  return path === undefined || url.slice(origin.length).split(/[?#]/)[0] === path;
}
