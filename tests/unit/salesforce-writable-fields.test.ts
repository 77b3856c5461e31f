import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectorGate, connectorHealth } from '@/lib/connectors/health';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { dbLabelCache } from '@/lib/connectors/label-cache';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { LeadlightDb } from '@/lib/db/database';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { updateSecrets } from '@/lib/settings/secrets';
import { fixture, INSTANCE, session, listeningServer } from '../support/salesforce-org';

const DESCRIBE = `${INSTANCE}/services/data/v60.0/sobjects/Lead/describe`;
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };

const server = listeningServer();

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`sf-writable-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

function describeAnswers(answer: () => Response) {
  const seen = { calls: 0 };
  server.use(
    http.get(DESCRIBE, () => {
      seen.calls += 1;
      return answer();
    }),
  );
  return seen;
}

const connector = () => createSalesforceConnector({ session, policy, labelCache: dbLabelCache(db), gate: connectorGate(db, 'salesforce') });

describe('Lead fields a verdict can set', () => {
  it('offers only updateable picklist and text fields, picklists with their active values by label', async () => {
    describeAnswers(() => HttpResponse.json(fixture('describe-lead-verdict-fields')));
    const fields = await connector().writableFields?.('Lead', false);
    // Not offered: Id, Email (email), Converted (boolean), Last Activity (date), Score Band (a formula),
    // Interests (multi-select picklist).
    expect(fields?.map((f) => f.label)).toEqual([
      'Description',
      'Feedback Notes',
      'Last Name',
      'Lead Feedback',
      'Lead Status',
      'Rating',
      'Unqualified Reason',
    ]);
    expect(fields?.find((f) => f.name === 'Status')).toEqual({
      name: 'Status',
      label: 'Lead Status',
      type: 'picklist',
      values: [
        { value: 'New', label: 'New' },
        { value: 'Working', label: 'Working' },
        { value: 'Nurturing', label: 'Nurturing' },
        { value: 'Qualified', label: 'Qualified' },
        { value: 'Unqualified', label: 'Unqualified' },
      ],
    });
    expect(fields?.find((f) => f.name === 'Unqualified_Reason__c')?.values?.map((v) => v.label)).toEqual([
      'No budget',
      'No need',
      'Bad contact info',
      'Wrong fit / outside ICP',
    ]);
    expect(fields?.find((f) => f.name === 'Lead_Feedback__c')).toEqual({
      name: 'Lead_Feedback__c',
      label: 'Lead Feedback',
      type: 'string',
      length: 40,
    });
  });

  it('reads the describe once a day, and again when the admin asks for a fresh list', async () => {
    const seen = describeAnswers(() => HttpResponse.json(fixture('describe-lead-verdict-fields')));
    await connector().writableFields?.('Lead', false);
    // A restarted worker builds a new connector: the list comes from the database.
    const again = await connector().writableFields?.('Lead', false);
    expect(again?.map((f) => f.name)).toContain('Status');
    expect(seen.calls).toBe(1);
    await connector().writableFields?.('Lead', true);
    expect(seen.calls).toBe(2);
  });

  it('says plainly when the user may not describe Leads, and does not pause the connection', async () => {
    describeAnswers(() => HttpResponse.json(fixture('error-insufficient-access'), { status: 403 }));
    await expect(connector().writableFields?.('Lead', false)).rejects.toThrow(
      /^Leadlight could not read the Lead fields from Salesforce: your Salesforce user may not describe Leads \(/,
    );
    expect(await connectorHealth(db, 'salesforce')).toEqual({ state: 'healthy' });
  });
});

describe('getSalesforceFields', () => {
  const own = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
  const handlers = () => createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });

  it('answers the options page from the connected org', async () => {
    describeAnswers(() => HttpResponse.json(fixture('describe-lead-verdict-fields')));
    await updateSecrets(db, { salesforce: { accessToken: 'token-1', instanceUrl: INSTANCE, issuedAt: '2026-03-12T16:00:00.000Z' } });
    const fields = await dispatch(handlers(), fakeBrowser.runtime.id, 'getSalesforceFields', { object: 'Lead' }, own());
    expect(fields.map((f) => f.name)).toContain('Unqualified_Reason__c');
  });

  it('asks to connect Salesforce first when it is not', async () => {
    await expect(dispatch(handlers(), fakeBrowser.runtime.id, 'getSalesforceFields', { object: 'Lead' }, own())).rejects.toThrow(
      'Connect Salesforce first',
    );
  });
});
