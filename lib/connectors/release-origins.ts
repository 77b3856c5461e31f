import { browser } from 'wxt/browser';
import type { LeadlightDb } from '../db/database';
import { loadSecrets } from '../settings/secrets';
import { loadSettings } from '../settings/settings';
import { HUBSPOT_ORIGINS, originsOverlap, salesforceOrigins } from './crm-origins';
import { feedOriginPattern } from './feed/feed-url';
import { issuingHost } from './salesforce/hosts';

/** The origins what is still set up needs: the feed URL's, and each CRM's that still has credentials. */
async function originsInUse(db: LeadlightDb): Promise<string[]> {
  const [settings, secrets] = await Promise.all([loadSettings(db), loadSecrets(db)]);
  return [
    ...(settings.feed?.url ? [feedOriginPattern(settings.feed.url)] : []),
    ...(secrets.hubspotToken ? HUBSPOT_ORIGINS : []),
    ...(secrets.salesforce ? [...salesforceOrigins(issuingHost(secrets.salesforce).host), `${secrets.salesforce.instanceUrl}/*`] : []),
  ];
}

/**
 * Gives back host access a connection that was just removed asked for, keeping any origin
 * the feed or the other CRM still reaches, so a disconnected CRM leaves nothing behind.
 * Best effort: a browser that refuses keeps the access, and disconnecting still works.
 */
export async function releaseOrigins(db: LeadlightDb, candidates: readonly string[]): Promise<void> {
  const inUse = await originsInUse(db);
  const unused = [...new Set(candidates)].filter((origin) => !inUse.some((needed) => originsOverlap(origin, needed)));
  // One at a time: Chrome refuses a whole request when one origin in it is also a content-script
  // match (`*.my.salesforce.com` is both), and that refusal must not keep the login host.
  for (const origin of unused)
    await Promise.resolve()
      .then(() => browser.permissions.remove({ origins: [origin] }))
      .catch(() => false);
}
