import { gmailHost } from './gmail';
import { runsOn, type HostModule } from './host-module';
import { hubspotHost } from './hubspot/detect';
import { outlookHost } from './outlook/detect';
import { pipedriveHost } from './pipedrive/detect';
import { salesforceHost } from './salesforce/detect';

/** Every host the sidebar runs on. Adding one: see lib/hosts/README.md. */
export const HOSTS: readonly HostModule[] = [gmailHost, hubspotHost, salesforceHost, pipedriveHost, outlookHost];

/** Match patterns for the manifest: exactly the hosts above. */
export const HOST_MATCHES: string[] = HOSTS.flatMap((h) => h.matches);

/** The host module for a page, or undefined where Leadlight does not run on its own. */
export function hostFor(url: URL): HostModule | undefined {
  return HOSTS.find((h) => runsOn(h, url));
}
