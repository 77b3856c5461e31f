import type { LeadlightDb } from '../db/database';
import { changeSecrets, loadSecrets, type Secrets } from '../settings/secrets';
import { accountConnected, salesforceAccount } from './account-switch';
import { forgetConnectors } from './registry';
import { issuingHost, revokeSalesforceToken } from './salesforce';

/** The tokens of one Salesforce sign-in, as they are stored. */
export type SalesforceSignIn = NonNullable<Secrets['salesforce']>;

/**
 * Keeps a new Salesforce sign-in. The account switch is recorded first: the old org's verdicts
 * are stopped before any request can carry the new org's tokens. The sign-in it replaces is read
 * in the transaction that stores the new one, since a session renewal during the sign-in window
 * may have rotated its refresh token, and that one is revoked (best effort: the new sign-in works
 * either way).
 */
export async function keepSalesforceSignIn(db: LeadlightDb, tokens: SalesforceSignIn): Promise<void> {
  const before = (await loadSecrets(db)).salesforce;
  const switched = await accountConnected(db, 'salesforce', salesforceAccount(tokens), before && salesforceAccount(before));
  let replaced: SalesforceSignIn | undefined;
  await changeSecrets(db, (stored) => {
    replaced = stored.salesforce;
    return { salesforce: tokens };
  });
  // A lookup between the switch and the store may have built a connector that learnt the old org's labels.
  if (switched) forgetConnectors(db, 'salesforce');
  await revokeReplacedSignIn(replaced, tokens);
}

/**
 * Revokes a replaced sign-in's refresh token, which would otherwise still open its org, at that
 * org's own host (the login host may have just changed). Best effort.
 */
async function revokeReplacedSignIn(replaced: SalesforceSignIn | undefined, current: SalesforceSignIn): Promise<void> {
  if (!replaced?.refreshToken || replaced.refreshToken === current.refreshToken) return;
  await revokeSalesforceToken({ loginHost: issuingHost(replaced).host, token: replaced.refreshToken }).catch(() => undefined);
}
