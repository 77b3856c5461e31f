/**
 * The host access each CRM connection asks for when it is set up, as match patterns, so
 * what is asked for and what is given back on disconnect are the same list. Pure: the
 * options page builds its request from it.
 */

/** HubSpot's API. */
export const HUBSPOT_ORIGINS: readonly string[] = ['https://api.hubapi.com/*'];

/** A Salesforce login host (bare, see normalizeLoginHost) and every org's API host, sandboxes included. */
export function salesforceOrigins(loginHost: string): string[] {
  return [`https://${loginHost}/*`, 'https://*.my.salesforce.com/*'];
}

function hostOf(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/.*$/, '');
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const base = pattern.slice(2);
  return host === base || host.endsWith(`.${base}`);
}

/** True when two https match patterns reach a host in common (`*.my.salesforce.com` and `acme.my.salesforce.com`). */
export function originsOverlap(a: string, b: string): boolean {
  const [ha, hb] = [hostOf(a), hostOf(b)];
  return hostMatches(ha, hb.replace(/^\*\./, '')) || hostMatches(hb, ha.replace(/^\*\./, ''));
}
