import { z } from 'zod';
import type { LeadlightDb } from '../db/database';
import { cachedTable } from '../db/small-table-cache';

/**
 * Credentials. They live in the background's IndexedDB (content scripts cannot
 * open it, unlike storage.local) and never travel in a message to any page.
 */
export const SecretsSchema = z.object({
  hubspotToken: z.string().min(10).max(500).optional(),
  /** The portal the token was checked against when it was saved. */
  hubspotAccount: z
    .object({ portalId: z.number().int().positive(), timeZone: z.string().max(100).optional(), uiDomain: z.string().max(200).optional() })
    .optional(),
  salesforce: z
    .object({
      accessToken: z.string().min(1),
      refreshToken: z.string().min(1).optional(),
      instanceUrl: z.url({ protocol: /^https$/ }),
      issuedAt: z.string(),
      /**
       * The login host and consumer key the tokens were issued for: a refresh or revoke goes
       * there, not to what the options form holds now (a host and key typed for a reconnect
       * the user then cancelled). Absent on tokens stored before they were kept.
       */
      loginHost: z.string().max(200).optional(),
      clientId: z.string().max(300).optional(),
    })
    .optional(),
});
export type Secrets = z.infer<typeof SecretsSchema>;

const KEY = 'secrets';

export function loadSecrets(db: LeadlightDb): Promise<Secrets> {
  return cachedTable(
    db,
    'settings',
    async () => {
      const parsed = SecretsSchema.safeParse((await db.settings.get(KEY))?.value ?? {});
      return parsed.success ? parsed.data : {};
    },
    KEY,
  );
}

export async function updateSecrets(db: LeadlightDb, patch: Partial<Secrets>): Promise<void> {
  const next = SecretsSchema.parse({ ...(await loadSecrets(db)), ...patch });
  await db.settings.put({ key: KEY, value: next });
}

/** What pages may know: whether each credential is set, never its value. */
export function describeSecrets(secrets: Secrets): {
  hubspotConnected: boolean;
  hubspotAccount?: { portalId: number; timeZone?: string; uiDomain?: string };
  salesforceConnected: boolean;
  salesforceInstance?: string;
} {
  return {
    hubspotConnected: !!secrets.hubspotToken,
    ...(secrets.hubspotToken && secrets.hubspotAccount ? { hubspotAccount: secrets.hubspotAccount } : {}),
    salesforceConnected: !!secrets.salesforce,
    salesforceInstance: secrets.salesforce ? new URL(secrets.salesforce.instanceUrl).host : undefined,
  };
}
