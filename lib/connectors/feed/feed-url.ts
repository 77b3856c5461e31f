/**
 * Whether a feed URL is one Leadlight may fetch, checked by the options page before
 * it asks for the host permission and again by the background before any fetch.
 * Kept free of zod so the options page can use it as is.
 *
 * Why each rule: the options page asks the browser for `<origin>/*`, so a host of
 * `*` (or `*.example.com`) would ask for every HTTPS site; plain HTTP would let
 * anyone on the network rewrite the team's marketing data; credentials in the URL
 * would be stored in settings and sent with every fetch.
 */
export function feedUrlProblem(raw: string): string | null {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter the full feed address, starting with https://';
  }
  if (url.protocol !== 'https:')
    return 'The feed URL must start with https:// — Leadlight fetches feeds only over an encrypted connection.';
  if (url.username || url.password) return 'Leave the user name and password out of the feed URL.';
  if (!isHostName(url.hostname))
    return 'The feed URL must name one host, such as marketing.example.com: wildcards (*) would give Leadlight access to every site.';
  return null;
}

// DNS labels after the URL parser's IDNA step (so "bücher.example" arrives as xn--…).
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function isHostName(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return true; // IPv6 literal, already validated by URL
  if (IPV4.test(host)) return true;
  return host.length <= 253 && host.split('.').every((label) => LABEL.test(label));
}

/** The origin whose permission the feed needs, as a match pattern. */
export function feedOriginPattern(raw: string): string {
  return `${new URL(raw.trim()).origin}/*`;
}
