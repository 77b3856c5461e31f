import { gmailHost } from './gmail';
import type { HostModule } from './host-module';
import { hubspotHost } from './hubspot/detect';
import { outlookHost } from './outlook/detect';
import { pipedriveHost } from './pipedrive/detect';
import { salesforceHost } from './salesforce/detect';

/** Every host the sidebar runs on. Adding one: see lib/hosts/README.md. */
export const HOSTS: readonly HostModule[] = [gmailHost, hubspotHost, salesforceHost, pipedriveHost, outlookHost];

/** Match patterns for the manifest: exactly the hosts above. */
export const HOST_MATCHES: string[] = HOSTS.flatMap((h) => h.matches);

function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/([^/]+)\//.exec(pattern);
  if (!m || `${m[1]}:` !== url.protocol) return false;
  const host = m[2]!;
  if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1)) && url.hostname.length > host.length - 1;
  return url.hostname === host;
}

/** The host module for a page, or undefined where Leadlight does not run on its own. */
export function hostFor(url: URL): HostModule | undefined {
  return HOSTS.find((h) => h.matches.some((p) => matchesPattern(p, url)));
}
