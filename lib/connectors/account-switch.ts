import type { LeadlightDb, MetaRow } from '../db/database';
import { clearMarketingData } from '../db/seed';
import { CrmAccountSchema, type CrmAccount, type Feedback } from '../domain/feedback';
import type { Secrets } from '../settings/secrets';
import { loadSettings } from '../settings/settings';
import { VERDICT_SCHEMA_KEY } from './hubspot/verdict-schema-store';
import { forgetConnectors } from './registry';

type CrmId = 'hubspot' | 'salesforce';
export type { CrmAccount };

export function hubspotAccount(portalId: number): CrmAccount {
  return { name: `HubSpot account ${portalId}`, portalId };
}

export function salesforceAccount(tokens: NonNullable<Secrets['salesforce']>): CrmAccount {
  const host = new URL(tokens.instanceUrl).host;
  return { name: `the Salesforce org at ${host}`, host, ...(tokens.orgId ? { orgId: tokens.orgId } : {}) };
}

/**
 * The account the stored credentials of a CRM open now, if known: what a send would reach.
 * HubSpot tokens saved before their portal was kept say none.
 */
export function connectedAccount(secrets: Secrets, target: string): CrmAccount | undefined {
  if (target === 'hubspot')
    return secrets.hubspotToken && secrets.hubspotAccount ? hubspotAccount(secrets.hubspotAccount.portalId) : undefined;
  return target === 'salesforce' && secrets.salesforce ? salesforceAccount(secrets.salesforce) : undefined;
}

export function sameAccount(a: CrmAccount, b: CrmAccount): boolean {
  if (a.portalId !== undefined || b.portalId !== undefined) return a.portalId === b.portalId;
  // An org keeps its id; its My Domain host is its own too, and is all older tokens say.
  return a.orgId && b.orgId ? a.orgId === b.orgId : a.host === b.host;
}

/** What a verdict held back from another company's CRM says, naming both accounts. */
export function heldBackMessage(given: CrmAccount, now: CrmAccount): string {
  return `Not sent: given while Leadlight was connected to ${given.name}, and it is now connected to ${now.name}. Retry to send it there, or discard it.`;
}

type AccountRow = MetaRow & { account?: unknown };
const key = (id: string) => `account:${id}`;

/** The account a CRM was connected to last (kept across a disconnect), if Leadlight recorded one. */
export async function lastAccount(db: LeadlightDb, id: string): Promise<CrmAccount | undefined> {
  const row: AccountRow | undefined = await db.meta.get(key(id));
  const parsed = CrmAccountSchema.safeParse(row?.account);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Keeps the account of a connection being removed, unless one is kept already: credentials stored
 * before accounts were kept name it only until they go, and its verdicts must still be told apart.
 */
export async function rememberAccount(db: LeadlightDb, id: CrmId, account: CrmAccount): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (!(await lastAccount(db, id))) await db.meta.put({ key: key(id), account } as AccountRow);
  });
}

/**
 * Records the account a new connection opens and, when it is not the one connected last
 * (even with a disconnect between), forgets what Leadlight kept from that one: its cached
 * contacts and campaigns (when it is the data source), picklist labels, hidden and writable
 * fields, team verdicts and connector, and stops its unsent verdicts, naming both accounts,
 * rather than send them to another company's CRM. `previous` is the account stored before,
 * for connections made before the last account was kept. Run it before the new credentials
 * are stored, so nothing is sent with them while the old account's verdicts still wait.
 */
export async function accountConnected(db: LeadlightDb, id: CrmId, account: CrmAccount, previous?: CrmAccount): Promise<boolean> {
  const last = (await lastAccount(db, id)) ?? previous;
  await db.meta.put({ key: key(id), account } as AccountRow);
  if (!last || sameAccount(last, account)) return false;
  forgetConnectors(db, id);
  const { source } = await loadSettings(db);
  await db.transaction('rw', [db.contacts, db.campaigns, db.meta, db.teamVerdicts, db.feedback], async () => {
    if (source === id) await clearMarketingData(db);
    await db.meta.where('key').startsWith(`labels:${id}:`).delete();
    await db.meta.bulkDelete([`team:${id}`, ...(id === 'hubspot' ? [VERDICT_SCHEMA_KEY] : [])]);
    await db.teamVerdicts.where('origin').equals(id).delete();
    // `sending` too: a worker stopped mid-send would otherwise re-deliver it to the new account;
    // `failed` too: its "reconnect, then retry" would send it there.
    await db.feedback
      .where('syncState')
      .anyOf('pending', 'sending', 'failed')
      .filter((f) => f.target === id && !f.remoteId)
      .modify((f) => holdBack(f, f.account ?? last, account, last));
  });
  return true;
}

function holdBack(f: Feedback, given: CrmAccount, account: CrmAccount, last: CrmAccount): void {
  if (sameAccount(given, account)) {
    // Held back earlier for the account now left: a Retry sends it to its own account again.
    if (f.switchedTo) {
      delete f.switchedTo;
      f.syncError = `Not sent: held back while Leadlight was connected to ${last.name}. Retry to send it to ${account.name}, or discard it.`;
    }
    return;
  }
  Object.assign(f, { syncState: 'failed', syncError: heldBackMessage(given, account), account: given, switchedTo: account });
  delete f.nextAttemptAt;
}
