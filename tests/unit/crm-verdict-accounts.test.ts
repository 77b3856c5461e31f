import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '@/lib/connectors/connector';
import { ConnectorError } from '@/lib/connectors/errors';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { createHandlers } from '@/lib/messaging/handlers';
import { processOutbox, retryFeedbackDelivery } from '@/lib/outbox/outbox';
import { loadSecrets, updateSecrets } from '@/lib/settings/secrets';
import { saveSettings } from '@/lib/settings/settings';

const OLD_TOKEN = 'pat-na1-brightwave-portal';
const NEW_TOKEN = 'pat-na1-helix-portal';
const PORTALS: Record<string, number> = { [OLD_TOKEN]: 4410001, [NEW_TOKEN]: 4410002 };
const HELD_BACK =
  'Not sent: given while Leadlight was connected to HubSpot account 4410001, and it is now connected to HubSpot account 4410002. Retry to send it there, or discard it.';

let db: LeadlightDb;
let clock: Date;
/** Every verdict HubSpot wrote, and the portal the token it came with opens. */
let received: { id: string; portal: number | undefined }[];

beforeEach(async () => {
  db = new LeadlightDb(`crm-verdict-accounts-${crypto.randomUUID()}`);
  clock = new Date('2026-11-20T09:30:00.000Z');
  received = [];
  await saveSettings(db, { source: 'hubspot' });
});
afterEach(() => db.delete());

// HubSpot as the registry builds it: there while a token is stored, writing to the portal that token opens.
const hubspot: Connector = {
  id: 'hubspot',
  label: 'HubSpot',
  async deliverFeedback(f) {
    const { hubspotToken } = await loadSecrets(db);
    received.push({ id: f.id, portal: hubspotToken ? PORTALS[hubspotToken] : undefined });
    return { remoteId: `note-${received.length}` };
  },
};
const connectorFor = async (target: string) => (target === 'hubspot' && (await loadSecrets(db)).hubspotToken ? hubspot : undefined);

async function runOutboxLater() {
  clock = new Date(clock.getTime() + 60_000);
  return processOutbox({ db, connectorFor, now: () => clock, online: () => true });
}

const handlers = () =>
  createHandlers({
    db,
    loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }),
    verifyHubspotToken: async (token) => ({ portalId: PORTALS[token] ?? 1 }),
  });
const pasteToken = (token: string | null) => handlers().setHubspotToken({ token }, {});

const give = (id: string) =>
  saveFeedback(
    db,
    { email: 'maya.okafor@northwind-logistics.example', verdict: 'bad', reasonId: 'no_budget' },
    'alex',
    clock,
    id,
    'hubspot',
  );

describe('verdicts given under one HubSpot portal', () => {
  it('are not sent to another portal connected after the token was removed, and say so naming both', async () => {
    await pasteToken(OLD_TOKEN);
    await give('v-1');
    await pasteToken(null);
    await runOutboxLater();
    expect(await db.feedback.get('v-1')).toMatchObject({
      syncState: 'failed',
      syncError: 'HubSpot is not connected to Leadlight. Reconnect HubSpot account 4410001 in Leadlight settings, then retry.',
    });

    await pasteToken(NEW_TOKEN);
    expect(await db.feedback.get('v-1')).toMatchObject({ syncState: 'failed', syncError: HELD_BACK });
    await runOutboxLater();
    expect(received).toEqual([]);

    // The message offers the new portal: a Retry is the rep's choice to send it there.
    expect(await retryFeedbackDelivery(db, 'v-1', clock)).toBe(true);
    await runOutboxLater();
    expect(received).toEqual([{ id: 'v-1', portal: 4410002 }]);
  });

  it('go back to their own portal when it is connected again', async () => {
    await pasteToken(OLD_TOKEN);
    await give('v-1');
    await pasteToken(NEW_TOKEN);
    await pasteToken(OLD_TOKEN);
    expect((await db.feedback.get('v-1'))?.syncError).toBe(
      'Not sent: held back while Leadlight was connected to HubSpot account 4410002. Retry to send it to HubSpot account 4410001, or discard it.',
    );
    expect(await retryFeedbackDelivery(db, 'v-1', clock)).toBe(true);
    await runOutboxLater();
    expect(received).toEqual([{ id: 'v-1', portal: 4410001 }]);
  });

  it('are never sent with another portal’s token on a Retry, however that token was stored', async () => {
    await pasteToken(OLD_TOKEN);
    await give('v-1');
    await pasteToken(null);
    await runOutboxLater();
    // Stored without the switch a connection records: the outbox must still tell the portals apart.
    await updateSecrets(db, { hubspotToken: NEW_TOKEN, hubspotAccount: { portalId: 4410002 } });
    expect(await retryFeedbackDelivery(db, 'v-1', clock)).toBe(true);
    await runOutboxLater();
    expect(received).toEqual([]);
    expect(await db.feedback.get('v-1')).toMatchObject({ syncState: 'failed', syncError: HELD_BACK });
  });

  it('are not re-sent to a new portal when a send was cut off by the worker stopping', async () => {
    await pasteToken(OLD_TOKEN);
    await give('v-1');
    // What a worker stopped mid-request leaves: the next run would check the CRM and send again.
    await db.feedback.update('v-1', { syncState: 'sending', attempts: 1, tries: 1, nextAttemptAt: clock.toISOString() });
    await pasteToken(NEW_TOKEN);
    expect(await db.feedback.get('v-1')).toMatchObject({ syncState: 'failed', syncError: HELD_BACK });
    await runOutboxLater();
    expect(received).toEqual([]);
  });

  it('keep what the switch said when a send under way to the old portal then fails', async () => {
    await pasteToken(OLD_TOKEN);
    await give('v-1');
    let refuse = () => {};
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    const refusing: Connector = {
      id: 'hubspot',
      label: 'HubSpot',
      deliverFeedback: async () => {
        await refused;
        throw new ConnectorError('auth', 'HubSpot refused the private-app token. Paste a new one in Leadlight settings.');
      },
    };
    clock = new Date(clock.getTime() + 60_000);
    const run = processOutbox({ db, connectorFor: async () => refusing, now: () => clock, online: () => true });
    await vi.waitFor(async () => expect((await db.feedback.get('v-1'))?.syncState).toBe('sending'));
    await pasteToken(NEW_TOKEN);
    refuse();
    await run;
    expect(await db.feedback.get('v-1')).toMatchObject({ syncState: 'failed', syncError: HELD_BACK });
  });
});
