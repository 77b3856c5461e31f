import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { createFeedback } from '../factories';
import { fixture, DATA, session, listeningServer } from '../support/salesforce-org';

const FEEDBACK_ID = '3f9c2a7e-5b1d-4c8e-9a0f-6d2e1b7c4a90';
const TOM_ID = '00QHs00001TomBkMAA';
const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };

const server = listeningServer();

type Seen = { method: string; path: string; soql?: string; body?: Record<string, unknown> };
type Task = { attributes: { type: string; url: string }; Id: string; Subject: string; Description: string };

/** A small org: people found by the object queried, Tasks kept across calls like the real one. */
function org(o: { Lead?: string; Contact?: string; tasks?: Task[] } = {}) {
  const seen: Seen[] = [];
  const tasks = o.tasks ?? [];
  server.use(
    http.get(`${DATA}/query`, ({ request }) => {
      const soql = new URL(request.url).searchParams.get('q') ?? '';
      seen.push({ method: 'GET', path: '/query', soql });
      if (soql.includes('FROM Task')) {
        // The marker, or any Leadlight verdict Task (the org's CreatedDate filter is not modelled: all are recent).
        const marker = /LIKE '%(.*?)%'/.exec(soql)?.[1] ?? '';
        const records = tasks.filter((t) => t.Subject.includes(marker) || t.Subject.startsWith('Lead feedback:'));
        return HttpResponse.json({ totalSize: records.length, done: true, records });
      }
      const object = /FROM (Lead|Contact) WHERE/.exec(soql)?.[1] as 'Lead' | 'Contact';
      const name = o[object];
      return HttpResponse.json(fixture(name ?? 'query-empty'));
    }),
    http.post(`${DATA}/sobjects/Task`, async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      seen.push({ method: 'POST', path: '/sobjects/Task', body });
      const Id = tasks.length ? `00THs00000Task0${tasks.length + 1}AA` : '00THs00000Task01AA';
      tasks.push({
        attributes: { type: 'Task', url: `/services/data/v60.0/sobjects/Task/${Id}` },
        Id,
        Subject: body.Subject ?? '',
        Description: body.Description ?? '',
      });
      return HttpResponse.json(tasks.length === 1 ? fixture('task-create-success') : { id: Id, success: true, errors: [] }, {
        status: 201,
      });
    }),
    http.patch(`${DATA}/sobjects/:object/:id`, async ({ request, params }) => {
      seen.push({
        method: 'PATCH',
        path: `/sobjects/${String(params.object)}/${String(params.id)}`,
        body: (await request.json()) as Record<string, unknown>,
      });
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { seen, tasks };
}

const badLead = () =>
  createFeedback({
    id: FEEDBACK_ID,
    email: 'tom.becker@aldermfg.example',
    verdict: 'bad',
    reasonId: 'no_budget',
    note: 'Budget frozen until FY27.',
    createdAt: '2026-03-12T16:30:00.000Z',
    attempts: 1,
  });
/** A text field on one object that receives "Good" or "Bad". */
const feedbackField = (object: 'Lead' | 'Contact') => ({
  mapping: { [object]: { verdict: { field: 'Lead_Feedback__c', values: { good: 'Good', bad: 'Bad' } } } },
});
/** The same verdict delivered again by the outbox: it may have reached Salesforce before. */
const retriedBadLead = () => ({ ...badLead(), attempts: 2 });
/** A minute after badLead was given: delivered on time. */
const onTime = () => Date.parse('2026-03-12T16:31:00.000Z');

describe('Salesforce deliverFeedback', () => {
  it('creates exactly one completed Task carrying the marker on the Lead', async () => {
    const { seen } = org({ Lead: 'lead-id-tom-becker' });
    const delivery = await createSalesforceConnector({ session, policy }).deliverFeedback?.(badLead(), undefined);

    expect(delivery).toEqual({ remoteId: '00THs00000Task01AA' });
    // A first delivery: nothing to look for yet, so two calls.
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['GET /query', 'POST /sobjects/Task']);
    expect(seen[0]?.soql).toBe(
      "SELECT Id FROM Lead WHERE Email = 'tom.becker@aldermfg.example' AND IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 1",
    );
    expect(seen[1]?.body).toEqual({
      WhoId: TOM_ID,
      Subject: 'Lead feedback: Bad lead – No budget [LL-3f9c2a7e]',
      Description:
        `Budget frozen until FY27.\n\nFrom: alex.rivera@brightwave.example (via Leadlight)\nLeadlight feedback id: ${FEEDBACK_ID}\n` +
        `leadlightverdict id=${FEEDBACK_ID} contact=tom.becker%40aldermfg.example verdict=bad kind=quality reason=no_budget ` +
        'by=alex.rivera%40brightwave.example at=2026-03-12T16%3A30%3A00.000Z',
      Status: 'Completed',
      Priority: 'Normal',
      ActivityDate: '2026-03-12',
    });
  });

  it('finds the Task on a second delivery and creates none', async () => {
    const { seen, tasks } = org({ Lead: 'lead-id-tom-becker' });
    const connector = createSalesforceConnector({ session, policy });
    const first = await connector.deliverFeedback?.(badLead(), undefined);
    const second = await connector.deliverFeedback?.(retriedBadLead(), undefined);
    expect(second).toEqual(first);
    expect(seen.filter((s) => s.soql?.includes('FROM Task'))[0]?.soql).toBe(
      `SELECT Id, Subject, Description FROM Task WHERE WhoId = '${TOM_ID}' AND (Subject LIKE '%[LL-3f9c2a7e]%' ` +
        "OR (Subject LIKE 'Lead feedback:%' AND CreatedDate > 2026-03-11T16:30:00Z))",
    );
    expect(tasks).toHaveLength(1);
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('finds a Task an earlier, unanswered attempt created', async () => {
    const marked = fixture('task-marked-tom-becker') as { records: Task[] };
    const { seen } = org({ Lead: 'lead-id-tom-becker', tasks: marked.records });
    expect(await createSalesforceConnector({ session, policy }).deliverFeedback?.(retriedBadLead(), undefined)).toEqual({
      remoteId: '00THs00000Task01AA',
    });
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });

  it('after the user pressed Retry (attempts counted again from one), still finds the Task an earlier attempt created', async () => {
    const marked = fixture('task-marked-tom-becker') as { records: Task[] };
    const { seen } = org({ Lead: 'lead-id-tom-becker', tasks: marked.records });
    const retriedByUser = { ...badLead(), attempts: 1, tries: 3 };
    expect(await createSalesforceConnector({ session, policy }).deliverFeedback?.(retriedByUser, undefined)).toEqual({
      remoteId: '00THs00000Task01AA',
    });
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });

  it('does not mistake another feedback with the same eight-character prefix for this one', async () => {
    const other = { ...(fixture('task-marked-tom-becker') as { records: Task[] }).records[0]! };
    other.Description = other.Description.replace(FEEDBACK_ID, '3f9c2a7e-0000-4000-8000-000000000000');
    const { tasks } = org({ Lead: 'lead-id-tom-becker', tasks: [other] });
    const delivery = await createSalesforceConnector({ session, policy }).deliverFeedback?.(retriedBadLead(), undefined);
    expect(tasks).toHaveLength(2);
    expect(delivery?.remoteId).toBe(tasks[1]?.Id);
  });

  it('on a retry, takes no other verdict Task on the person for its own, even one without the id line', async () => {
    const other: Task = {
      attributes: { type: 'Task', url: '/services/data/v60.0/sobjects/Task/00THs00000Othr01AA' },
      Id: '00THs00000Othr01AA',
      Subject: 'Lead feedback: Good lead',
      Description: 'Logged by hand',
    };
    const { tasks } = org({ Lead: 'lead-id-tom-becker', tasks: [other] });
    const delivery = await createSalesforceConnector({ session, policy }).deliverFeedback?.(retriedBadLead(), undefined);
    expect(tasks).toHaveLength(2);
    expect(delivery?.remoteId).not.toBe(other.Id);
  });

  it('files on the Contact when there is no open Lead, and sets the Contact fields the admin mapped', async () => {
    const { seen } = org({ Contact: 'contact-id-priya-raman' });
    const feedback = createFeedback({
      id: 'b71d0c55-1111-4222-8333-944455556666',
      email: 'priya.raman@corvidretail.example',
      verdict: 'good',
      createdAt: '2026-03-12T09:00:00.000Z',
      attempts: 1,
    });
    const now = () => Date.parse('2026-03-12T09:01:00.000Z');
    await createSalesforceConnector({ session, policy, now, verdictFields: feedbackField('Contact') }).deliverFeedback?.(
      feedback,
      undefined,
    );
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /query',
      'GET /query',
      'POST /sobjects/Task',
      'PATCH /sobjects/Contact/003Hs00002PriyaRAA',
    ]);
    expect(seen[2]?.body).toMatchObject({ WhoId: '003Hs00002PriyaRAA', Subject: 'Lead feedback: Good lead [LL-b71d0c55]' });
    expect(seen[3]?.body).toEqual({ Lead_Feedback__c: 'Good' });
  });

  it('sends no PATCH without mapped fields, and still sets them on a retry that finds the Task', async () => {
    const first = org({ Lead: 'lead-id-tom-becker' });
    await createSalesforceConnector({ session, policy }).deliverFeedback?.(badLead(), undefined);
    expect(first.seen.some((s) => s.method === 'PATCH')).toBe(false);

    server.resetHandlers();
    const retry = org({ Lead: 'lead-id-tom-becker', tasks: first.tasks });
    await createSalesforceConnector({ session, policy, verdictFields: feedbackField('Lead') }).deliverFeedback?.(
      retriedBadLead(),
      undefined,
    );
    expect(retry.seen.map((s) => `${s.method} ${s.path}`)).toEqual(['GET /query', 'GET /query', `PATCH /sobjects/Lead/${TOM_ID}`]);
    expect(retry.seen[2]?.body).toEqual({ Lead_Feedback__c: 'Bad' });
  });
});

/** Another rep's verdict Task on Tom, given at `at` (as Leadlight writes it, with its data line). */
const verdictTask = (id: string, verdict: 'good' | 'bad', at: string): Task => ({
  attributes: { type: 'Task', url: `/services/data/v60.0/sobjects/Task/${id}` },
  Id: id,
  Subject: `Lead feedback: ${verdict === 'good' ? 'Good' : 'Bad'} lead [LL-7e6d5c4b]`,
  Description:
    'From: jamie.chen@brightwave.example (via Leadlight)\nLeadlight feedback id: 7e6d5c4b-0000-4000-8000-000000000003\n' +
    `leadlightverdict id=7e6d5c4b-0000-4000-8000-000000000003 contact=tom.becker%40aldermfg.example verdict=${verdict} kind=quality ` +
    `by=jamie.chen%40brightwave.example at=${encodeURIComponent(at)}`,
});

describe('a late verdict and the Lead fields', () => {
  const calls = (seen: Seen[]) => seen.map((s) => `${s.method} ${s.path}`);

  it('a first attempt hours late (offline, or a manual retry) leaves the fields to a newer verdict', async () => {
    const { seen, tasks } = org({
      Lead: 'lead-id-tom-becker',
      tasks: [verdictTask('00THs00000Newr01AA', 'good', '2026-03-12T17:00:00.000Z')],
    });
    const now = () => Date.parse('2026-03-12T19:30:00.000Z');
    const connector = createSalesforceConnector({ session, policy, now, verdictFields: feedbackField('Lead') });
    const delivery = await connector.deliverFeedback?.(badLead(), undefined);
    expect(calls(seen)).toEqual(['GET /query', 'GET /query', 'POST /sobjects/Task']);
    expect(delivery?.remoteId).toBe(tasks[1]?.Id);
  });

  it('a first attempt on time sets the fields in three calls, without looking for other verdicts', async () => {
    const { seen } = org({ Lead: 'lead-id-tom-becker', tasks: [verdictTask('00THs00000Newr01AA', 'good', '2026-03-12T17:00:00.000Z')] });
    const connector = createSalesforceConnector({ session, policy, now: onTime, verdictFields: feedbackField('Lead') });
    await connector.deliverFeedback?.(badLead(), undefined);
    expect(calls(seen)).toEqual(['GET /query', 'POST /sobjects/Task', `PATCH /sobjects/Lead/${TOM_ID}`]);
  });

  it('a late first attempt that sets no field does not look for other verdicts', async () => {
    const { seen } = org({ Lead: 'lead-id-tom-becker' });
    const now = () => Date.parse('2026-03-12T19:30:00.000Z');
    await createSalesforceConnector({ session, policy, now }).deliverFeedback?.(badLead(), undefined);
    expect(calls(seen)).toEqual(['GET /query', 'POST /sobjects/Task']);
  });

  it('a retry that finds only an older verdict on the Lead still sets the fields', async () => {
    const { seen } = org({ Lead: 'lead-id-tom-becker', tasks: [verdictTask('00THs00000Oldr01AA', 'good', '2026-03-12T16:00:00.000Z')] });
    const connector = createSalesforceConnector({ session, policy, now: onTime, verdictFields: feedbackField('Lead') });
    await connector.deliverFeedback?.(retriedBadLead(), undefined);
    expect(calls(seen)).toEqual(['GET /query', 'GET /query', 'POST /sobjects/Task', `PATCH /sobjects/Lead/${TOM_ID}`]);
    expect(seen.at(-1)?.body).toEqual({ Lead_Feedback__c: 'Bad' });
  });

  it('a retry that finds a newer verdict on the Lead sends no PATCH', async () => {
    const { seen } = org({ Lead: 'lead-id-tom-becker', tasks: [verdictTask('00THs00000Newr01AA', 'good', '2026-03-12T16:40:00.000Z')] });
    const connector = createSalesforceConnector({ session, policy, now: onTime, verdictFields: feedbackField('Lead') });
    await connector.deliverFeedback?.(retriedBadLead(), undefined);
    expect(calls(seen)).toEqual(['GET /query', 'GET /query', 'POST /sobjects/Task']);
  });
});

describe('Salesforce deliverFeedback refusals', () => {
  it('is not_found when nobody in Salesforce has the address, and writes nothing', async () => {
    const { seen } = org({});
    const error = await createSalesforceConnector({ session, policy })
      .deliverFeedback?.(badLead(), undefined)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('not_found');
    expect(seen.every((s) => s.method === 'GET')).toBe(true);
  });

  it('refuses a verdict field that is not an API name', () => {
    const mapping = { Lead: { verdict: { field: 'Lead Feedback', values: { bad: 'Bad' } } } };
    expect(() => createSalesforceConnector({ session, verdictFields: { mapping } })).toThrow(ConnectorError);
  });
});
