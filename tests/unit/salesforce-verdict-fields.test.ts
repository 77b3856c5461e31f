import { http, HttpResponse, type JsonBodyType } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorError } from '@/lib/connectors/errors';
import { connectorGate, connectorHealth } from '@/lib/connectors/health';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { loadFieldIssues } from '@/lib/connectors/field-issues';
import { LeadlightDb } from '@/lib/db/database';
import { saveFeedback } from '@/lib/db/feedback-repository';
import { processOutbox } from '@/lib/outbox/outbox';
import { connectorFor } from '@/lib/connectors/registry';
import { updateSecrets } from '@/lib/settings/secrets';
import type { Feedback } from '@/lib/domain/feedback';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { SalesforceVerdictFields } from '@/lib/settings/salesforce-verdict-fields';
import { createFeedback } from '../factories';
import { readFixtureJson } from '../support/fixtures';
import { fixture, INSTANCE, DATA, session, listeningServer } from '../support/salesforce-org';

const TOM = '00QHs00001TomBkMAA';
const PRIYA = '003Hs00002PriyaRAA';
const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };

const server = listeningServer();

type Answer = { status: number; body?: JsonBodyType };
/**
 * An org with Tom as an open Lead (or Priya as a Contact). Tasks are kept, so a retry
 * finds the one an earlier attempt created; each PATCH takes the next scripted answer
 * (204 once the script is spent).
 */
function org(o: { person?: 'Lead' | 'Contact'; patches?: Answer[] } = {}) {
  const calls: string[] = [];
  const patched: Record<string, unknown>[] = [];
  const tasks: { attributes: { type: string }; Id: string; Subject: string; Description: string }[] = [];
  const person = o.person ?? 'Lead';
  const script = [...(o.patches ?? [])];
  server.use(
    http.get(`${DATA}/query`, ({ request }) => {
      const soql = new URL(request.url).searchParams.get('q') ?? '';
      calls.push('GET /query');
      if (soql.includes('FROM Task')) return HttpResponse.json({ totalSize: tasks.length, done: true, records: tasks });
      const found = soql.includes(`FROM ${person} `);
      return HttpResponse.json(fixture(found ? (person === 'Lead' ? 'lead-id-tom-becker' : 'contact-id-priya-raman') : 'query-empty'));
    }),
    http.post(`${DATA}/sobjects/Task`, async ({ request }) => {
      calls.push('POST /sobjects/Task');
      const body = (await request.json()) as Record<string, string>;
      tasks.push({ attributes: { type: 'Task' }, Id: '00THs00000Task01AA', Subject: body.Subject!, Description: body.Description! });
      return HttpResponse.json(fixture('task-create-success'), { status: 201 });
    }),
    http.patch(`${DATA}/sobjects/:object/:id`, async ({ request, params }) => {
      calls.push(`PATCH /sobjects/${String(params.object)}/${String(params.id)}`);
      patched.push((await request.json()) as Record<string, unknown>);
      const answer = script.shift();
      return answer ? HttpResponse.json(answer.body ?? null, { status: answer.status }) : new HttpResponse(null, { status: 204 });
    }),
  );
  return { calls, patched, tasks };
}

/** The spec's example: Status unchanged on good, Unqualified on bad, with the reason in a picklist. */
const STATUS_AND_REASON: SalesforceVerdictFields = {
  Lead: {
    verdict: { field: 'Status', values: { bad: 'Unqualified', accepted: 'Working', rejected: 'Nurturing' } },
    reason: { field: 'Unqualified_Reason__c', kind: 'picklist', values: { no_budget: 'No Budget', wrong_person: 'Bad Contact Info' } },
  },
};

const verdict = (overrides: Partial<Feedback> = {}) =>
  createFeedback({
    id: '3f9c2a7e-5b1d-4c8e-9a0f-6d2e1b7c4a90',
    email: 'tom.becker@aldermfg.example',
    verdict: 'bad',
    reasonId: 'no_budget',
    createdAt: '2026-03-12T16:30:00.000Z',
    attempts: 1,
    ...overrides,
  });

const connector = (mapping: SalesforceVerdictFields, reasons?: ReasonDefinition[], db?: LeadlightDb) =>
  createSalesforceConnector({
    session,
    policy,
    verdictFields: { mapping, ...(reasons ? { reasons: async () => reasons } : {}) },
    // A minute after the verdicts these tests give: delivered on time.
    now: () => Date.parse('2026-03-12T16:31:00.000Z'),
    ...(db ? { gate: connectorGate(db, 'salesforce') } : {}),
  });

describe('Salesforce verdicts set the Lead fields the admin mapped', () => {
  it('sets every mapped field in one PATCH on the Lead: three calls in all', async () => {
    const { calls, patched } = org();
    const delivery = await connector(STATUS_AND_REASON).deliverFeedback?.(verdict(), undefined);
    expect(delivery).toEqual({ remoteId: '00THs00000Task01AA' });
    expect(calls).toEqual(['GET /query', 'POST /sobjects/Task', `PATCH /sobjects/Lead/${TOM}`]);
    expect(patched).toEqual([{ Status: 'Unqualified', Unqualified_Reason__c: 'No Budget' }]);
  });

  it('sends no PATCH for a verdict whose value is "leave unchanged" and that has no reason', async () => {
    const { calls } = org();
    await connector(STATUS_AND_REASON).deliverFeedback?.(verdict({ verdict: 'good', reasonId: undefined }), undefined);
    expect(calls).toEqual(['GET /query', 'POST /sobjects/Task']);
  });

  it('leaves out a reason the admin left unmapped, and sets the verdict field alone', async () => {
    const { patched } = org();
    await connector(STATUS_AND_REASON).deliverFeedback?.(verdict({ reasonId: 'duplicate' }), undefined);
    expect(patched).toEqual([{ Status: 'Unqualified' }]);
  });

  it('gives hand-off decisions their own values', async () => {
    const { patched } = org();
    await connector(STATUS_AND_REASON).deliverFeedback?.(verdict({ kind: 'handoff', verdict: 'good', reasonId: undefined }), undefined);
    await connector(STATUS_AND_REASON).deliverFeedback?.(
      verdict({ id: 'a1b2c3d4-0000-4000-8000-000000000001', kind: 'handoff', reasonId: 'wrong_person' }),
      undefined,
    );
    expect(patched).toEqual([{ Status: 'Working' }, { Status: 'Nurturing', Unqualified_Reason__c: 'Bad Contact Info' }]);
  });

  it('writes the reason’s label as the team wrote it into a text field, cut to the field’s length', async () => {
    const { patched } = org();
    const team: ReasonDefinition[] = [
      { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget this fiscal year, revisit after the board meeting' },
    ];
    const mapping = { Lead: { reason: { field: 'Lead_Feedback__c', kind: 'text' as const, length: 26 } } };
    await connector(mapping, team).deliverFeedback?.(verdict(), undefined);
    expect(patched).toEqual([{ Lead_Feedback__c: 'No budget this fiscal year' }]);
  });

  it('sets nothing on a Contact when only Lead fields are mapped: a Contact has no such fields', async () => {
    const { calls } = org({ person: 'Contact' });
    await connector(STATUS_AND_REASON).deliverFeedback?.(verdict({ email: 'priya.raman@corvidretail.example' }), undefined);
    expect(calls).toEqual(['GET /query', 'GET /query', 'POST /sobjects/Task']);
  });

  it('sets Contact fields when the admin mapped them', async () => {
    const { calls, patched } = org({ person: 'Contact' });
    const mapping = { Contact: { verdict: { field: 'Lead_Feedback__c', values: { bad: 'Bad' } } } };
    await connector(mapping).deliverFeedback?.(verdict({ email: 'priya.raman@corvidretail.example' }), undefined);
    expect(calls.at(-1)).toBe(`PATCH /sobjects/Contact/${PRIYA}`);
    expect(patched).toEqual([{ Lead_Feedback__c: 'Bad' }]);
  });
});

describe('a retried verdict and a newer one', () => {
  it('a retry after a newer verdict on the same Lead finds its own Task and leaves the fields to the newer verdict', async () => {
    // The first try and the three inline retries of a PATCH.
    const down = Array.from({ length: 4 }, () => ({ status: 503, body: fixture('error-server-unavailable') }));
    const { patched, tasks } = org({ patches: down });
    const sf = connector(STATUS_AND_REASON);
    // Bad, at 16:30: the Task is written, Salesforce does not answer the field write (inline retries included).
    const bad = verdict();
    await expect(sf.deliverFeedback?.(bad, undefined)).rejects.toMatchObject({ kind: 'server' });
    // Minutes later the rep changes their mind: a hand-off accepted, delivered at once.
    const accepted = verdict({
      id: '9d8c7b6a-0000-4000-8000-000000000002',
      kind: 'handoff',
      verdict: 'good',
      reasonId: undefined,
      createdAt: '2026-03-12T16:40:00.000Z',
    });
    await sf.deliverFeedback?.(accepted, undefined);
    const before = patched.length;
    // The outbox retries the first one.
    const retried = await sf.deliverFeedback?.({ ...bad, attempts: 2 }, undefined);
    expect(retried?.remoteId).toBe(tasks[0]?.Id);
    expect(tasks).toHaveLength(2);
    expect(patched.slice(before)).toEqual([]);
    expect(patched.at(-1)).toEqual({ Status: 'Working' });
  });
});

describe('a refused field write keeps the verdict and its Task', () => {
  let db: LeadlightDb;
  beforeEach(() => {
    db = new LeadlightDb(`sf-verdict-fields-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('a value taken out of a restricted picklist: delivered, the problem names Salesforce, Lead and the field, no PATCH again', async () => {
    const { calls, tasks } = org({ patches: [{ status: 400, body: fixture('error-restricted-picklist') }] });
    const mapping = { Lead: { verdict: { field: 'Status', values: { bad: 'Unqualified' } } } };
    const delivery = await connector(mapping, undefined, db).deliverFeedback?.(verdict(), undefined);
    expect(delivery?.remoteId).toBe('00THs00000Task01AA');
    expect(delivery?.problem).toBe(
      'Salesforce did not set the Lead field Status: Status: bad value for restricted picklist field: Unqualified ' +
        '(INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). The verdict is saved as a Task; check “Write verdicts to Lead fields” in Leadlight settings.',
    );
    expect(delivery?.issues).toEqual([{ vendor: 'Salesforce', object: 'Lead', field: 'Status', problem: 'refused' }]);
    expect(calls.filter((c) => c.startsWith('PATCH'))).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    expect(await connectorHealth(db, 'salesforce')).toEqual({ state: 'healthy' });
  });

  it('a deleted field: one more PATCH sets the fields Salesforce did not refuse', async () => {
    const { calls, patched } = org({ patches: [{ status: 400, body: fixture('error-no-such-field') }] });
    const delivery = await connector(STATUS_AND_REASON).deliverFeedback?.(verdict(), undefined);
    expect(patched).toEqual([{ Status: 'Unqualified', Unqualified_Reason__c: 'No Budget' }, { Status: 'Unqualified' }]);
    expect(calls).toHaveLength(4);
    expect(delivery?.problem).toMatch(
      /^Salesforce did not set the Lead field Unqualified_Reason__c: No such column 'Unqualified_Reason__c' on sobject of type Lead \(INVALID_FIELD\)\. Status was set\. /,
    );
    expect(delivery?.issues?.map((i) => i.field)).toEqual(['Unqualified_Reason__c']);
  });

  it('a refusal with one entry per field: every refused field is left out, so no second PATCH goes out', async () => {
    const { patched } = org({ patches: [{ status: 400, body: fixture('error-restricted-picklist-two-fields') }] });
    const delivery = await connector(STATUS_AND_REASON).deliverFeedback?.(verdict(), undefined);
    expect(patched).toEqual([{ Status: 'Unqualified', Unqualified_Reason__c: 'No Budget' }]);
    expect(delivery?.problem).toBe(
      'Salesforce did not set the Lead fields Status, Unqualified_Reason__c: Status: bad value for restricted picklist field: Unqualified; ' +
        'Unqualified Reason: bad value for restricted picklist field: No Budget (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). ' +
        'The verdict is saved as a Task; check “Write verdicts to Lead fields” in Leadlight settings.',
    );
    expect(delivery?.issues?.map((i) => i.field)).toEqual(['Status', 'Unqualified_Reason__c']);
  });

  it('a validation rule that names no field: every field sent is named, and nothing is tried again', async () => {
    const { patched } = org({ patches: [{ status: 400, body: fixture('error-validation-rule') }] });
    const delivery = await connector(STATUS_AND_REASON).deliverFeedback?.(verdict(), undefined);
    expect(patched).toHaveLength(1);
    expect(delivery?.problem).toMatch(
      /^Salesforce did not set the Lead fields Status, Unqualified_Reason__c: Give an unqualified reason when the lead status is Unqualified\. \(FIELD_CUSTOM_VALIDATION_EXCEPTION\)\./,
    );
  });

  it('a Lead the rep may not edit: reported, and the connection is not paused (the Task went through)', async () => {
    org({ patches: [{ status: 400, body: fixture('error-readonly-record') }] });
    const delivery = await connector(STATUS_AND_REASON, undefined, db).deliverFeedback?.(verdict(), undefined);
    expect(delivery?.problem).toContain('insufficient access rights on object id (INSUFFICIENT_ACCESS_OR_READONLY)');
    expect(await connectorHealth(db, 'salesforce')).toEqual({ state: 'healthy' });
  });

  it('no answer: the delivery is retried (finding its Task) a few times, then the verdict stands with the problem said', async () => {
    const down = Array.from({ length: 40 }, () => ({ status: 503, body: fixture('error-server-unavailable') }));
    const { calls, tasks } = org({ patches: down });
    const sf = connector(STATUS_AND_REASON);
    const first = await sf.deliverFeedback?.(verdict(), undefined).catch((e: unknown) => e as ConnectorError);
    expect(first).toMatchObject({ kind: 'server', retryable: true });
    const second = await sf.deliverFeedback?.(verdict({ attempts: 2 }), undefined).catch((e: unknown) => e as ConnectorError);
    expect(second).toMatchObject({ kind: 'server' });
    const third = await sf.deliverFeedback?.(verdict({ attempts: 3 }), undefined);
    expect(third?.remoteId).toBe('00THs00000Task01AA');
    expect(third?.problem).toMatch(/^Salesforce did not set the Lead fields Status, Unqualified_Reason__c: no answer after 3 attempts \(/);
    expect(tasks).toHaveLength(1);
    expect(calls.filter((c) => c === 'POST /sobjects/Task')).toHaveLength(1);
  });
});

describe('through the outbox', () => {
  let db: LeadlightDb;
  beforeEach(() => {
    db = new LeadlightDb(`sf-verdict-outbox-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('a refused field write leaves the verdict sent with its Task id, the problem on it and the field in diagnostics', async () => {
    org({ patches: [{ status: 400, body: fixture('error-restricted-picklist') }] });
    const given = new Date('2026-03-12T16:30:00.000Z');
    const input = { email: 'tom.becker@aldermfg.example', verdict: 'bad' as const, reasonId: 'no_budget' };
    await saveFeedback(db, input, 'alex.rivera@brightwave.example', given, 'f-1', 'salesforce');
    const sf = connector({ Lead: { verdict: { field: 'Status', values: { bad: 'Unqualified' } } } });
    const later = new Date(given.getTime() + 60_000);
    const run = await processOutbox({ db, connectorFor: async () => sf, online: () => true, now: () => later });
    expect(run).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    const row = await db.feedback.get('f-1');
    expect(row).toMatchObject({ syncState: 'sent', remoteId: '00THs00000Task01AA' });
    expect(row?.syncError).toBeUndefined();
    expect(row?.fieldProblem).toMatch(/^Salesforce did not set the Lead field Status: /);
    expect((await loadFieldIssues(db)).map((i) => i.text)).toEqual(['Salesforce Lead.Status could not be set']);
  });

  it('one field refused and no answer to the follow-up PATCH: retried, not sent, and nothing recorded as refused', async () => {
    // The refusal, then the follow-up PATCH's first try and its three inline retries.
    const down = Array.from({ length: 4 }, () => ({ status: 503, body: fixture('error-server-unavailable') }));
    const refused = { status: 400, body: fixture('error-no-such-field') };
    const { calls, patched } = org({ patches: [refused, ...down, refused] });
    const given = new Date('2026-03-12T16:30:00.000Z');
    const input = { email: 'tom.becker@aldermfg.example', verdict: 'bad' as const, reasonId: 'no_budget' };
    await saveFeedback(db, input, 'alex.rivera@brightwave.example', given, 'f-1', 'salesforce');
    const sf = connector(STATUS_AND_REASON);
    const later = new Date(given.getTime() + 60_000);
    const run = await processOutbox({ db, connectorFor: async () => sf, online: () => true, now: () => later });
    expect(run).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    expect(await db.feedback.get('f-1')).toMatchObject({ syncState: 'pending', attempts: 1 });
    expect(await loadFieldIssues(db)).toEqual([]);
    // The retry finds the Task, meets the same refusal, and this time Status goes through.
    const again = new Date(later.getTime() + 60 * 60_000);
    expect(await processOutbox({ db, connectorFor: async () => sf, online: () => true, now: () => again })).toMatchObject({ sent: 1 });
    expect(await db.feedback.get('f-1')).toMatchObject({ syncState: 'sent', remoteId: '00THs00000Task01AA' });
    expect(calls.filter((c) => c === 'POST /sobjects/Task')).toHaveLength(1);
    expect(patched.at(-1)).toEqual({ Status: 'Unqualified' });
    expect((await loadFieldIssues(db)).map((i) => i.text)).toEqual(['Salesforce Lead.Unqualified_Reason__c could not be set']);
  });

  it('no answer to the follow-up PATCH on the last attempt: the message counts the attempts made and lists only the refused field', async () => {
    const down = Array.from({ length: 4 }, () => ({ status: 503, body: fixture('error-server-unavailable') }));
    org({ patches: [{ status: 400, body: fixture('error-no-such-field') }, ...down] });
    const delivery = await connector(STATUS_AND_REASON).deliverFeedback?.(verdict({ attempts: 4 }), undefined);
    expect(delivery?.problem).toMatch(
      /^Salesforce did not set the Lead fields Unqualified_Reason__c: No such column .*; Status: no answer after 4 attempts \(/,
    );
    expect(delivery?.issues).toEqual([{ vendor: 'Salesforce', object: 'Lead', field: 'Unqualified_Reason__c', problem: 'refused' }]);
  });

  it('a field set before the upgrade (one typed field for Good or Bad) still receives the verdict', async () => {
    const { patched } = org();
    const legacy = readFixtureJson<{ stored: unknown }>('settings/salesforce-write-back-field.json').stored;
    await db.settings.put({ key: 'settings', value: legacy });
    await updateSecrets(db, { salesforce: { accessToken: 'token-1', instanceUrl: INSTANCE, issuedAt: '2026-03-12T16:00:00.000Z' } });
    const sf = await connectorFor(db, 'salesforce', { policy });
    await sf?.deliverFeedback?.(verdict({ kind: 'handoff' }), undefined);
    expect(patched).toEqual([{ Lead_Quality__c: 'Bad' }]);
  });
});
