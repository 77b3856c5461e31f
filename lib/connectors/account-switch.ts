import { z } from 'zod';
import type { LeadlightDb, MetaRow } from '../db/database';
import { clearMarketingData } from '../db/seed';
import type { Secrets } from '../settings/secrets';
import { loadSettings } from '../settings/settings';
import { VERDICT_SCHEMA_KEY } from './hubspot/verdict-schema-store';
import { forgetConnectors } from './registry';

type CrmId = 'hubspot' | 'salesforce';

/** The account a CRM's credentials open: a HubSpot portal, a Salesforce org (by id, or by its My Domain host for older tokens). */
const AccountSchema = z.object({
  name: z.string(),
  portalId: z.number().optional(),
  orgId: z.string().optional(),
  host: z.string().optional(),
});
export type CrmAccount = z.infer<typeof AccountSchema>;

export function hubspotAccount(portalId: number): CrmAccount {
  return { name: `HubSpot account ${portalId}`, portalId };
}

export function salesforceAccount(tokens: NonNullable<Secrets['salesforce']>): CrmAccount {
  const host = new URL(tokens.instanceUrl).host;
  return { name: `the Salesforce org at ${host}`, host, ...(tokens.orgId ? { orgId: tokens.orgId } : {}) };
}

function sameAccount(a: CrmAccount, b: CrmAccount): boolean {
  if (a.portalId !== undefined || b.portalId !== undefined) return a.portalId === b.portalId;
  // An org keeps its id; its My Domain host is its own too, and is all older tokens say.
  return a.orgId && b.orgId ? a.orgId === b.orgId : a.host === b.host;
}

type AccountRow = MetaRow & { account?: unknown };
const key = (id: CrmId) => `account:${id}`;

/**
 * Records the account a new connection opens and, when it is not the one connected last
 * (even with a disconnect between), forgets what Leadlight kept from that one: its cached
 * contacts and campaigns (when it is the data source), picklist labels, hidden and writable
 * fields, team verdicts and connector, and stops its unsent verdicts, naming both accounts,
 * rather than send them to another company's CRM. `previous` is the account stored before,
 * for connections made before the last account was kept.
 */
export async function accountConnected(db: LeadlightDb, id: CrmId, account: CrmAccount, previous?: CrmAccount): Promise<boolean> {
  const row: AccountRow | undefined = await db.meta.get(key(id));
  const parsed = AccountSchema.safeParse(row?.account);
  const last = parsed.success ? parsed.data : previous;
  await db.meta.put({ key: key(id), account } as AccountRow);
  if (!last || sameAccount(last, account)) return false;
  forgetConnectors(db, id);
  const { source } = await loadSettings(db);
  const syncError = `Not sent: given while Leadlight was connected to ${last.name}, and it is now connected to ${account.name}. Retry to send it there, or discard it.`;
  await db.transaction('rw', [db.contacts, db.campaigns, db.meta, db.teamVerdicts, db.feedback], async () => {
    if (source === id) await clearMarketingData(db);
    await db.meta.where('key').startsWith(`labels:${id}:`).delete();
    await db.meta.bulkDelete([`team:${id}`, ...(id === 'hubspot' ? [VERDICT_SCHEMA_KEY] : [])]);
    await db.teamVerdicts.where('origin').equals(id).delete();
    await db.feedback
      .where('syncState')
      .equals('pending')
      .filter((f) => f.target === id)
      .modify({ syncState: 'failed', syncError, nextAttemptAt: undefined });
  });
  return true;
}
