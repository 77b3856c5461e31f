import type { LeadlightDb } from '../db/database';
import { changeSecrets, loadSecrets, type Secrets } from '../settings/secrets';
import { accountConnected, salesforceAccount } from './account-switch';
import { forgetConnectors } from './registry';
import { issuingHost, revokeSalesforceToken } from './salesforce';

type StoredTokens = NonNullable<Secrets['salesforce']>;

// How many sign-ins were kept here: the connect handler compares before and after its sign-in, and
// does not record the switch or revoke again (a session renewal may already have changed the tokens).
const kept = new WeakMap<LeadlightDb, number>();

/**
 * Keeps a new Salesforce sign-in. The account switch is recorded first: the old org's verdicts
 * are stopped before any request can carry the new org's tokens. The sign-in it replaces is read
 * in the transaction that stores the new one, since a session renewal during the sign-in window
 * may have rotated its refresh token, and that one is revoked (best effort: the new sign-in works
 * either way).
 */
export async function keepSalesforceSignIn(db: LeadlightDb, tokens: StoredTokens): Promise<void> {
  const before = (await loadSecrets(db)).salesforce;
  const switched = await accountConnected(db, 'salesforce', salesforceAccount(tokens), before && salesforceAccount(before));
  let replaced: StoredTokens | undefined;
  await changeSecrets(db, (stored) => {
    replaced = stored.salesforce;
    return { salesforce: tokens };
  });
  // A lookup between the switch and the store may have built a connector that learnt the old org's labels.
  if (switched) forgetConnectors(db, 'salesforce');
  kept.set(db, signInsKept(db) + 1);
  await revokeReplacedSignIn(replaced, tokens);
}

/** How many sign-ins keepSalesforceSignIn has stored in this worker. */
export function signInsKept(db: LeadlightDb): number {
  return kept.get(db) ?? 0;
}

/**
 * Revokes a replaced sign-in's refresh token, which would otherwise still open its org, at that
 * org's own host (the login host may have just changed). Best effort.
 */
export async function revokeReplacedSignIn(replaced: StoredTokens | undefined, current: StoredTokens | undefined): Promise<void> {
  if (!replaced?.refreshToken || replaced.refreshToken === current?.refreshToken) return;
  await revokeSalesforceToken({ loginHost: issuingHost(replaced).host, token: replaced.refreshToken }).catch(() => undefined);
}
