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
      /** The org and user signed in to; absent on tokens stored before they were kept. */
      orgId: z.string().max(18).optional(),
      userId: z.string().max(18).optional(),
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

/**
 * Changes the stored credentials in one transaction, so two writers (a sign-in, a token
 * refresh, a disconnect) never put back what the other just replaced. `change` sees what is
 * stored now and returns the fields to replace, or undefined to write nothing; the result
 * says whether anything was written.
 */
export function changeSecrets(db: LeadlightDb, change: (current: Secrets) => Partial<Secrets> | undefined): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const stored = SecretsSchema.safeParse((await db.settings.get(KEY))?.value ?? {});
    const current = stored.success ? stored.data : {};
    const patch = change(current);
    if (!patch) return false;
    await db.settings.put({ key: KEY, value: SecretsSchema.parse({ ...current, ...patch }) });
    return true;
  });
}

/** Replaces these credential fields, keeping the others (see changeSecrets). */
export async function updateSecrets(db: LeadlightDb, patch: Partial<Secrets>): Promise<void> {
  await changeSecrets(db, () => patch);
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
