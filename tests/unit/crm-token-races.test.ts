import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signInToSalesforce } from '@/lib/background/salesforce-sign-in';
import type { Connector } from '@/lib/connectors/connector';
import { connectorFor } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { createHandlers } from '@/lib/messaging/handlers';
import { processOutbox } from '@/lib/outbox/outbox';
import { loadSecrets, updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const OLD_ORG = 'https://brightwave.my.salesforce.com';
const NEW_ORG = 'https://brightwave-dev.my.salesforce.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const noDemo = () => ({ contacts: [], campaigns: [], touches: [], personas: [] });
let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`crm-races-${crypto.randomUUID()}`);
  await saveSettings(db, {
    source: 'salesforce',
    salesforce: { loginHost: 'brightwave.my.salesforce.com', clientId: '3MVG9-production-key' },
  });
  await updateSecrets(db, {
    salesforce: {
      accessToken: '00Dxx!expired',
      refreshToken: '5Aep861-old-refresh',
      instanceUrl: OLD_ORG,
      issuedAt: '2026-11-20T09:00:00.000Z',
      loginHost: 'brightwave.my.salesforce.com',
      clientId: '3MVG9-production-key',
    },
  });
});
afterEach(() => db.delete());

/**
 * The old org refuses its expired session and holds its token endpoint open until
 * released; it then renews the session and rotates the refresh token.
 */
function slowRenewal() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached = () => {};
  const renewing = new Promise<void>((resolve) => (reached = resolve));
  const revoked: string[] = [];
  server.use(
    http.get(`${OLD_ORG}/services/data/*`, ({ request }) =>
      request.headers.get('authorization') === 'Bearer 00Dxx!expired'
        ? HttpResponse.json([{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }], { status: 401 })
        : HttpResponse.json({ totalSize: 0, done: true, records: [] }),
    ),
    http.post(`${OLD_ORG}/services/oauth2/token`, async () => {
      reached();
      await released;
      return HttpResponse.json({
        access_token: '00Dxx!renewed',
        refresh_token: '5Aep861-rotated-refresh',
        instance_url: OLD_ORG,
        id: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS',
        issued_at: '1795165200000',
        signature: 'c2lnbmF0dXJl',
        token_type: 'Bearer',
      });
    }),
    http.post(`${OLD_ORG}/services/oauth2/revoke`, async ({ request }) => {
      revoked.push(await request.text());
      return new HttpResponse(null, { status: 200 });
    }),
  );
  return { release, renewing, revoked };
}

describe('a Salesforce session renewal still under way', () => {
  it('does not bring the tokens back after the rep disconnects, and the last token issued is revoked', async () => {
    const { release, renewing, revoked } = slowRenewal();
    const connector = await connectorFor(db, 'salesforce');
    const lookup = connector?.fetchContact?.(MAYA).catch(() => undefined);
    await renewing;
    const disconnecting = createHandlers({ db, loadDemoData: noDemo }).disconnectSalesforce({}, {});
    // The renewal answers only after a disconnect that did not wait for it would have finished.
    await Promise.race([disconnecting, new Promise((resolve) => setTimeout(resolve, 200))]);
    release();
    const result = await disconnecting;
    await lookup;

    expect(result).toMatchObject({ revoked: true, connections: { salesforceConnected: false } });
    expect((await loadSecrets(db)).salesforce).toBeUndefined();
    // The org rotated the refresh token while it renewed: that one is what still opens it.
    expect(revoked).toEqual(['token=5Aep861-rotated-refresh']);
    expect(await connectorFor(db, 'salesforce')).toBeUndefined();
  });

  it('keeps the new sign-in when the rep reconnects to another org meanwhile', async () => {
    const { release, renewing, revoked } = slowRenewal();
    const newOrgCalls: string[] = [];
    server.use(http.all(`${NEW_ORG}/*`, ({ request }) => void newOrgCalls.push(request.url)));
    const connector = await connectorFor(db, 'salesforce');
    const lookup = connector?.fetchContact?.(MAYA).then(
      () => 'found',
      (e: Error) => e.message,
    );
    await renewing;
    const reconnecting = createHandlers({
      db,
      loadDemoData: noDemo,
      connectSalesforce: async () => ({
        accessToken: '00Dyy!new-access',
        refreshToken: '5Aep861-new-org-refresh',
        instanceUrl: NEW_ORG,
        issuedAt: '2026-11-21T09:00:00.000Z',
        loginHost: 'brightwave-dev.my.salesforce.com',
        clientId: '3MVG9-production-key',
      }),
    });
    await reconnecting.connectSalesforce({}, {});
    release();

    const said = await lookup;
    expect((await loadSecrets(db)).salesforce).toMatchObject({
      accessToken: '00Dyy!new-access',
      refreshToken: '5Aep861-new-org-refresh',
      instanceUrl: NEW_ORG,
    });
    expect(said).toMatch(/reconnected or disconnected/);
    // The new org's token never went anywhere on the old sign-in's behalf.
    expect(newOrgCalls).toEqual([]);
    // The renewal's rotated refresh token, dropped with the sign-in it renewed, would still open the old org.
    await vi.waitFor(() => expect(revoked).toContain('token=5Aep861-rotated-refresh'));
  });
});

const REDIRECT = 'https://leadlight-test.chromiumapp.org/';
const NEW_ORG_TOKENS = {
  accessToken: '00Dyy!new-access',
  refreshToken: '5Aep861-new-org-refresh',
  instanceUrl: NEW_ORG,
  issuedAt: '2026-11-21T09:00:00.000Z',
  loginHost: 'login.salesforce.com',
  clientId: '3MVG9-production-key',
};

/** The Salesforce login window, signing in to the new org; `meanwhile` runs while the rep types. */
function signInWindow(meanwhile: () => Promise<unknown> = async () => undefined) {
  fakeBrowser.identity.getRedirectURL = () => REDIRECT;
  fakeBrowser.identity.launchWebAuthFlow = async ({ url }) => {
    await meanwhile();
    return `${REDIRECT}?code=aPrxCode&state=${new URL(url).searchParams.get('state') ?? ''}`;
  };
  server.use(
    http.post('https://login.salesforce.com/services/oauth2/token', () =>
      HttpResponse.json({
        access_token: NEW_ORG_TOKENS.accessToken,
        refresh_token: NEW_ORG_TOKENS.refreshToken,
        instance_url: NEW_ORG,
        id: 'https://login.salesforce.com/id/00Dyy0000001gPLEAY/005yy000001SwiUAAS',
        issued_at: '1795251600000',
        signature: 'c2lnbmF0dXJl',
        token_type: 'Bearer',
      }),
    ),
  );
}

/** The old org's revoke endpoint, answering only when released. */
function slowRevoke() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached = () => {};
  const revoking = new Promise<void>((resolve) => (reached = resolve));
  server.use(
    http.post(`${OLD_ORG}/services/oauth2/revoke`, async () => {
      reached();
      await released;
      return new HttpResponse(null, { status: 200 });
    }),
  );
  return { release, revoking };
}

/** The outbox, with Salesforce sending to whichever org the stored tokens open at the moment of the send. */
function outboxRecordingOrgs() {
  const sentTo: string[] = [];
  const salesforce: Connector = {
    id: 'salesforce',
    label: 'Salesforce',
    async deliverFeedback() {
      sentTo.push((await loadSecrets(db)).salesforce?.instanceUrl ?? 'nowhere');
      return { remoteId: '00Txx0000001' };
    },
  };
  const connectorFor = async (target: string) => (target === 'salesforce' && (await loadSecrets(db)).salesforce ? salesforce : undefined);
  const run = () => processOutbox({ db, connectorFor, now: () => new Date('2026-11-21T10:00:00.000Z'), online: () => true });
  return { sentTo, run };
}

const giveVerdict = () =>
  saveFeedback(
    db,
    { email: MAYA, verdict: 'bad', reasonId: 'no_budget' },
    'alex',
    new Date('2026-11-21T09:00:00.000Z'),
    'v-old-org',
    'salesforce',
  );

describe('a reconnect to another org', () => {
  it('holds back the old org’s verdicts before it waits for the old sign-in to be revoked', async () => {
    await giveVerdict();
    const { release, revoking } = slowRevoke();
    const reconnecting = createHandlers({
      db,
      loadDemoData: noDemo,
      connectSalesforce: async () => ({ ...NEW_ORG_TOKENS, loginHost: 'brightwave-dev.my.salesforce.com' }),
    }).connectSalesforce({}, {});
    await revoking;
    expect(await db.feedback.get('v-old-org')).toMatchObject({
      syncState: 'failed',
      syncError:
        'Not sent: given while Leadlight was connected to the Salesforce org at brightwave.my.salesforce.com, and it is now connected to the Salesforce org at brightwave-dev.my.salesforce.com. Retry to send it there, or discard it.',
    });
    release();
    await reconnecting;
  });

  it('sends none of the old org’s verdicts to the new org while the sign-in finishes', async () => {
    await giveVerdict();
    await saveSettings(db, { salesforce: { loginHost: 'login.salesforce.com', clientId: '3MVG9-production-key' } });
    signInWindow();
    const { release, revoking } = slowRevoke();
    const outbox = outboxRecordingOrgs();
    const reconnecting = createHandlers({ db, loadDemoData: noDemo, connectSalesforce: () => signInToSalesforce(db) }).connectSalesforce(
      {},
      {},
    );
    await revoking;
    await outbox.run();
    release();
    await reconnecting;
    await outbox.run();
    expect(outbox.sentTo).toEqual([]);
    expect((await loadSecrets(db)).salesforce).toMatchObject({ instanceUrl: NEW_ORG, refreshToken: '5Aep861-new-org-refresh' });
  });

  it('revokes the refresh token the old org rotated while the rep was signing in', async () => {
    await saveSettings(db, { salesforce: { loginHost: 'login.salesforce.com', clientId: '3MVG9-production-key' } });
    const { release, revoked } = slowRenewal();
    release();
    // A lookup renews the old org's session while the login window is open: the org rotates its refresh token.
    signInWindow(async () => (await connectorFor(db, 'salesforce'))?.fetchContact?.(MAYA));
    await createHandlers({ db, loadDemoData: noDemo, connectSalesforce: () => signInToSalesforce(db) }).connectSalesforce({}, {});
    expect(revoked).toEqual(['token=5Aep861-rotated-refresh']);
    expect((await loadSecrets(db)).salesforce?.refreshToken).toBe('5Aep861-new-org-refresh');
  });
});
