import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { MAX_QUERY_PAGES } from '@/lib/connectors/salesforce/api';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { soqlString } from '@/lib/connectors/salesforce/soql';
import { memoryLabelCache, type LabelCache } from '@/lib/connectors/label-cache';
import { fixture, INSTANCE, session, listeningServer } from '../support/salesforce-org';

const QUERY = `${INSTANCE}/services/data/v60.0/query`;
const MEMBERS_PAGE_2 = `${QUERY}/01gHs00000TomMbrAA-2`;
const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };

const server = listeningServer();

type Seen = { path: string; soql: string | null; authorization: string | null };

/** Answers SOQL by the object queried; records every request the org received. */
function org(answers: { Lead?: unknown; Contact?: unknown; pages?: Record<string, unknown> }): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${INSTANCE}/services/data/v60.0/sobjects/:object/describe`, ({ request, params }) => {
      seen.push({ path: new URL(request.url).pathname, soql: null, authorization: request.headers.get('authorization') });
      return HttpResponse.json(fixture(`describe-${String(params.object).toLowerCase()}`));
    }),
    http.get(`${QUERY}/:locator`, ({ request }) => {
      const url = new URL(request.url);
      seen.push({ path: url.pathname, soql: null, authorization: request.headers.get('authorization') });
      const page = answers.pages?.[url.pathname];
      return page
        ? HttpResponse.json(page)
        : HttpResponse.json([{ message: 'invalid locator', errorCode: 'INVALID_QUERY_LOCATOR' }], { status: 400 });
    }),
    http.get(QUERY, ({ request }) => {
      const url = new URL(request.url);
      const soql = url.searchParams.get('q') ?? '';
      seen.push({ path: url.pathname, soql, authorization: request.headers.get('authorization') });
      const object = /FROM (Lead|Contact) WHERE/.exec(soql)?.[1] as 'Lead' | 'Contact' | undefined;
      return HttpResponse.json((object && answers[object]) ?? fixture('query-empty'));
    }),
  );
  return seen;
}

// Friday 20 March 2026: after the fixtures' logged activities, before Tom's on-site demo on 8 April.
const NOW = Date.parse('2026-03-20T12:00:00Z');
const connector = (labelCache?: LabelCache) =>
  createSalesforceConnector({ session, policy, now: () => NOW, ...(labelCache ? { labelCache } : {}) });

describe('Salesforce fetchContact', () => {
  it('maps an open Lead with every page of its campaign memberships', async () => {
    const seen = org({
      Lead: fixture('lead-tom-becker'),
      pages: { [new URL(MEMBERS_PAGE_2).pathname]: fixture('lead-tom-becker-members-page-2') },
    });
    const bundle = await connector().fetchContact?.('Tom.Becker@AlderMfg.example');

    expect(bundle?.contact).toEqual({
      email: 'tom.becker@aldermfg.example',
      name: 'Tom Becker',
      title: 'IT Manager',
      owner: 'Morgan Patel',
      // Shown as the org writes and labels them (describe-lead.json relabels "Open - Not Contacted").
      originalSource: { channel: 'Web', category: 'web', date: '2026-01-14T09:12:44.000Z' },
      company: 'Alder Manufacturing',
      industry: 'Manufacturing',
      companySize: 450,
      lifecycleStage: 'lead',
      leadStatus: 'New – not yet contacted',
    });
    // A membership names no asset: the campaign's type says it where it can; a podcast is "other", not a web page.
    expect(bundle?.touches.map((t) => [t.id, t.campaignId, t.assetName, t.assetType, t.date, t.responseStatus, t.responded])).toEqual([
      ['00vHs00000Mem001AA', '701Hs000001WebQ1AA', 'Q1 Plant Ops Webinar', 'webinar', '2026-03-12T00:00:00.000Z', 'Attended', true],
      ['00vHs00000Mem002AA', '701Hs000001NewsAAA', 'Manufacturing Insights Newsletter', 'email', '2026-02-10T07:30:00.000Z', 'Sent', false],
      ['00vHs00000Mem003AA', '701Hs000001ExpoAAA', 'Automation Expo 2026', 'event', '2026-01-20T00:00:00.000Z', 'Visited Booth', true],
      ['00vHs00000Mem004AA', '701Hs000001PodcAAA', 'Factory Floor Podcast', 'other', '2026-01-16T00:00:00.000Z', 'Listened', true],
      // Sales activity from the same query (see "Salesforce sales activity"), typed as the org typed it; an Event has no status.
      // The org's own Task Type "Demo", as describe-task.json labels it.
      ['00THs00000TomT06AA', 'sales-activity', 'Product walkthrough', 'Product demo', '2026-03-17T15:00:00.000Z', 'Completed', false],
      ['00THs00000TomT03AA', 'sales-activity', 'Discovery call', 'Call', '2026-03-16T10:42:00.000Z', 'Completed', false],
      [
        '00THs00000TomT02AA',
        'sales-activity',
        'Email: Your questions from the webinar',
        'Email',
        '2026-03-13T15:10:00.000Z',
        'Completed',
        false,
      ],
      ['00THs00000TomT01AA', 'sales-activity', 'Left voicemail', 'Call', '2026-03-13T09:31:40.000Z', 'Completed', false],
      ['00UHs00000TomE01AA', 'sales-activity', 'Plant operations review', 'Meeting', '2026-03-18T14:00:00.000Z', undefined, false],
    ]);
    expect(bundle?.touches.every((t) => t.email === 'tom.becker@aldermfg.example')).toBe(true);
    expect(bundle?.campaigns).toEqual([
      {
        id: '701Hs000001WebQ1AA',
        name: 'Q1 Plant Ops Webinar',
        type: 'Webinar',
        category: 'webinar',
        status: 'Completed',
        startDate: '2026-03-12T00:00:00.000Z',
        endDate: '2026-03-12T00:00:00.000Z',
      },
      {
        id: '701Hs000001NewsAAA',
        name: 'Manufacturing Insights Newsletter',
        type: 'Email Campaign',
        category: 'email',
        status: 'In Progress',
        startDate: '2026-01-01T00:00:00.000Z',
      },
      {
        id: '701Hs000001ExpoAAA',
        name: 'Automation Expo 2026',
        type: 'Trade Show',
        category: 'event',
        status: 'Completed',
        startDate: '2026-01-20T00:00:00.000Z',
        endDate: '2026-01-22T00:00:00.000Z',
      },
      { id: '701Hs000001PodcAAA', name: 'Factory Floor Podcast', type: 'Podcast Sponsorship', category: 'other', status: 'Completed' },
    ]);

    expect(seen.map((s) => s.path)).toEqual([
      '/services/data/v60.0/query',
      '/services/data/v60.0/query/01gHs00000TomMbrAA-2',
      '/services/data/v60.0/sobjects/Lead/describe',
      '/services/data/v60.0/sobjects/Campaign/describe',
      '/services/data/v60.0/sobjects/Task/describe',
      '/services/data/v60.0/sobjects/Event/describe',
    ]);
    expect(seen.every((s) => s.authorization === 'Bearer token-1')).toBe(true);
    expect(seen[0]?.soql).toBe(
      'SELECT Id, Name, FirstName, LastName, Email, Title, Company, Industry, NumberOfEmployees, LeadSource, Status, Owner.Name, ' +
        'CreatedDate, IsConverted, (SELECT Id, CampaignId, Status, HasResponded, FirstRespondedDate, CreatedDate, Campaign.Id, Campaign.Name, Campaign.Type, ' +
        'Campaign.Status, Campaign.StartDate, Campaign.EndDate FROM CampaignMembers ORDER BY CreatedDate DESC), ' +
        '(SELECT Id, Subject, Type, TaskSubtype, Status, ActivityDate, CompletedDateTime, IsClosed, CreatedDate FROM Tasks ' +
        'WHERE IsClosed = true ORDER BY CreatedDate DESC LIMIT 100), ' +
        '(SELECT Id, Subject, Type, StartDateTime, ActivityDateTime, CreatedDate FROM Events ORDER BY CreatedDate DESC LIMIT 100) FROM Lead ' +
        "WHERE Email = 'tom.becker@aldermfg.example' AND IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 1",
    );
  });

  it('stops following nextRecordsUrl after the page bound', async () => {
    const endless = {
      ...(fixture('lead-tom-becker-members-page-2') as object),
      done: false,
      nextRecordsUrl: '/services/data/v60.0/query/01gHs00000TomMbrAA-2',
    };
    const seen = org({ Lead: fixture('lead-tom-becker'), pages: { '/services/data/v60.0/query/01gHs00000TomMbrAA-2': endless } });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(seen.filter((s) => s.path.includes('/query'))).toHaveLength(MAX_QUERY_PAGES);
    expect(bundle?.touches.filter((t) => t.campaignId !== 'sales-activity')).toHaveLength(2 + 2 * (MAX_QUERY_PAGES - 1));
  });

  it('never follows a nextRecordsUrl off the instance, and still shows the memberships already read', async () => {
    const lead = fixture('lead-tom-becker') as { records: [{ CampaignMembers: { nextRecordsUrl: string } }] };
    lead.records[0].CampaignMembers.nextRecordsUrl = 'https://collector.evil.example/services/data/v60.0/query/01gHs00000TomMbrAA-2';
    const seen = org({ Lead: lead });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(seen.map((s) => s.path).filter((p) => !p.endsWith('/describe'))).toEqual(['/services/data/v60.0/query']);
    expect(bundle?.touches.filter((t) => t.id.startsWith('00v')).map((t) => t.id)).toEqual(['00vHs00000Mem001AA', '00vHs00000Mem002AA']);
    expect(bundle?.issues).toEqual([{ vendor: 'Salesforce', object: 'Lead', field: 'nextRecordsUrl', problem: 'unreadable' }]);
  });

  // Salesforce documents nextRecordsUrl as a query locator path on the instance
  // (/services/data/vXX.X/query/01gD0000002HU6KIAW-2000). Anything else would carry the
  // token elsewhere: to another host once appended to the instance URL, or to another API.
  it.each([
    ['userinfo that makes the next host the real one', '@collector.evil.example/services/data/v60.0/query/01gHs00000TomMbrAA-2'],
    ['a suffix that turns the instance into a subdomain', '.evil.example/services/data/v60.0/query/01gHs00000TomMbrAA-2'],
    ['a port-like suffix', ':8443@collector.evil.example/services/data/v60.0/query/01gHs00000TomMbrAA-2'],
    ['dot segments out of the query API', '/services/data/v60.0/query/../../../../secur/frontdoor.jsp'],
    ['another API on the instance', '/services/data/v60.0/sobjects/User/005Hs00000AdminAAA'],
    ['a protocol-relative URL', '//collector.evil.example/services/data/v60.0/query/01gHs00000TomMbrAA-2'],
  ])('never sends the token along a nextRecordsUrl with %s', async (_, next) => {
    const offInstance: string[] = [];
    server.use(
      http.all(/^(?!https:\/\/brightwave\.my\.salesforce\.com\/).*/, ({ request }) => {
        offInstance.push(request.url);
        return HttpResponse.json(fixture('lead-tom-becker-members-page-2'));
      }),
    );
    const lead = fixture('lead-tom-becker') as { records: [{ CampaignMembers: { nextRecordsUrl: string } }] };
    lead.records[0].CampaignMembers.nextRecordsUrl = next;
    const seen = org({ Lead: lead });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(offInstance).toEqual([]);
    expect(seen.map((s) => s.path).filter((p) => !p.endsWith('/describe'))).toEqual(['/services/data/v60.0/query']);
    expect(bundle?.touches.filter((t) => t.id.startsWith('00v')).map((t) => t.id)).toEqual(['00vHs00000Mem001AA', '00vHs00000Mem002AA']);
  });

  it('falls back to a Contact when there is no open Lead', async () => {
    const seen = org({ Contact: fixture('contact-priya-raman') });
    const bundle = await connector().fetchContact?.('priya.raman@corvidretail.example');
    expect(bundle?.contact).toEqual({
      email: 'priya.raman@corvidretail.example',
      name: 'Priya Raman',
      title: 'Chief Financial Officer',
      owner: 'Alex Rivera',
      originalSource: { channel: 'Partner Referral', category: 'partner', date: '2025-09-03T14:05:10.000Z' },
      company: 'Corvid Retail',
      // The Account's Industry as the org labels it (describe-account.json).
      industry: 'Retail & Consumer Goods',
      companySize: 3500,
      department: 'Finance',
      lifecycleStage: 'sql',
    });
    // A Task logged as a plain task is read by its Type; "Events": null is the REST API's empty related list.
    expect(bundle?.touches.map((t) => [t.assetType, t.assetCategory])).toEqual([
      ['event', 'event'],
      ['ad', 'ad'],
      ['Email', 'sales_email'],
    ]);
    expect(bundle?.campaigns.map((c) => [c.type, c.category])).toEqual([
      ['Conference', 'event'],
      ['Advertisement', 'advertising'],
    ]);
    // Describes of the objects found: the Contact, its Account (for its industry), its campaigns and its Tasks (it has no Events).
    expect(seen.map((s) => /FROM (Lead|Contact) WHERE/.exec(s.soql ?? '')?.[1] ?? s.path)).toEqual([
      'Lead',
      'Contact',
      '/services/data/v60.0/sobjects/Contact/describe',
      '/services/data/v60.0/sobjects/Account/describe',
      '/services/data/v60.0/sobjects/Campaign/describe',
      '/services/data/v60.0/sobjects/Task/describe',
    ]);
    expect(seen[1]?.soql).toContain('Account.Name, Account.Industry, Account.NumberOfEmployees');
    expect(seen[1]?.soql).toContain('FROM CampaignMembers ORDER BY CreatedDate DESC');
    expect(seen[1]?.soql).toContain('FROM Tasks WHERE IsClosed = true ORDER BY CreatedDate DESC LIMIT 100');
  });

  it('calls a Contact at a customer account a customer', async () => {
    const priya = fixture('contact-priya-raman') as { records: [{ Account: Record<string, unknown> }] };
    priya.records[0].Account.Type = 'Customer - Direct';
    org({ Contact: priya });
    expect((await connector().fetchContact?.('priya.raman@corvidretail.example'))?.contact.lifecycleStage).toBe('customer');
  });

  it('shows no company for a Contact on a Person Account, whose Account is the person', async () => {
    org({ Contact: fixture('contact-person-account-daniel-kim') });
    const daniel = (await connector().fetchContact?.('daniel.kim@fastmail.example'))?.contact;
    expect(daniel).toMatchObject({ name: 'Daniel Kim', lifecycleStage: 'sql' });
    expect(daniel).not.toHaveProperty('company');
    // Written surname first, in other case and spacing: still the person.
    const kim = fixture('contact-person-account-daniel-kim') as { records: [{ Account: Record<string, unknown> }] };
    kim.records[0].Account.Name = ' KIM  daniel ';
    org({ Contact: kim });
    expect((await connector().fetchContact?.('daniel.kim@fastmail.example'))?.contact).not.toHaveProperty('company');
  });

  it('returns null when neither a Lead nor a Contact has the address', async () => {
    const seen = org({});
    expect(await connector().fetchContact?.('nobody@nowhere.example')).toBeNull();
    expect(seen).toHaveLength(2);
  });

  it('escapes quotes in the address so it stays one SOQL string', async () => {
    const seen = org({});
    await connector().fetchContact?.("o'brien@x.example");
    expect(seen.map((s) => s.soql)).toEqual([
      expect.stringContaining("WHERE Email = 'o\\'brien@x.example' AND IsConverted = false"),
      expect.stringContaining("WHERE Email = 'o\\'brien@x.example' ORDER BY"),
    ]);
    expect(soqlString("a\\'b")).toBe("'a\\\\\\'b'");
  });
});

describe('Salesforce sales activity', () => {
  const lead = () =>
    fixture('lead-tom-becker') as {
      records: [{ Tasks: { records: Record<string, unknown>[] } }];
    };
  const pages = { [new URL(MEMBERS_PAGE_2).pathname]: fixture('lead-tom-becker-members-page-2') };
  const activities = (bundle: { touches: { id: string; campaignId: string }[] } | null | undefined) =>
    bundle?.touches.filter((t) => t.campaignId === 'sales-activity').map((t) => t.id);

  it('counts what sales did: not an open Task, a list email, Leadlight’s own verdict Task or a meeting still ahead', async () => {
    const tom = lead();
    // The query asks for closed Tasks; one that still reads open is a plan, not a touch.
    const discovery = tom.records[0].Tasks.records.find((t) => t.Id === '00THs00000TomT03AA');
    Object.assign(discovery!, { IsClosed: false, Status: 'In Progress' });
    org({ Lead: tom, pages });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(activities(bundle)).toEqual(['00THs00000TomT06AA', '00THs00000TomT02AA', '00THs00000TomT01AA', '00UHs00000TomE01AA']);
    const names = bundle?.touches.map((t) => t.assetName);
    expect(names).not.toContain('Lead feedback: Good lead – Right persona [LL-5e6f7a8b]');
    expect(names).not.toContain('List Email: Plant ops newsletter – March');
    expect(names).not.toContain('On-site demo at Alder Manufacturing');
  });

  it('shows each activity’s type as the org labels it, with Leadlight’s category beside it', async () => {
    org({ Lead: lead(), pages });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    const sales = bundle?.touches.filter((t) => t.campaignId === 'sales-activity');
    // lead-tom-becker.json: the org's own Task Type "Demo" is kept, under the label describe-task.json gives it;
    // a Task with no Type by how it was logged (TaskSubtype). The category reads the stored value.
    expect(sales?.map((t) => [t.id, t.assetType, t.assetCategory])).toEqual([
      ['00THs00000TomT06AA', 'Product demo', 'sales_activity'],
      ['00THs00000TomT03AA', 'Call', 'call'],
      ['00THs00000TomT02AA', 'Email', 'sales_email'],
      ['00THs00000TomT01AA', 'Call', 'call'],
      ['00UHs00000TomE01AA', 'Meeting', 'meeting'],
    ]);
  });

  it('labels a Task’s status and subtype and an Event’s type as the org relabelled them, and still counts them by value', async () => {
    type Describe = { fields: { name: string; picklistValues: { value: string; label: string }[] }[] };
    const relabel = (name: string, changes: Record<string, Record<string, string>>) => {
      const describe = fixture(name) as Describe;
      for (const f of describe.fields) for (const v of f.picklistValues) v.label = changes[f.name]?.[v.value] ?? v.label;
      return describe;
    };
    org({ Lead: lead(), pages });
    // An org that renamed "Completed" to "Done", the Email subtype to "Email (logged)" and the Meeting type to "Customer meeting".
    server.use(
      http.get(`${INSTANCE}/services/data/v60.0/sobjects/Task/describe`, () =>
        HttpResponse.json(relabel('describe-task', { Status: { Completed: 'Done' }, TaskSubtype: { Email: 'Email (logged)' } })),
      ),
      http.get(`${INSTANCE}/services/data/v60.0/sobjects/Event/describe`, () =>
        HttpResponse.json(relabel('describe-event', { Type: { Meeting: 'Customer meeting' } })),
      ),
    );
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    const sales = bundle?.touches.filter((t) => t.campaignId === 'sales-activity');
    expect(sales?.map((t) => [t.id, t.assetType, t.assetCategory, t.responseStatus])).toEqual([
      ['00THs00000TomT06AA', 'Product demo', 'sales_activity', 'Done'],
      ['00THs00000TomT03AA', 'Call', 'call', 'Done'],
      ['00THs00000TomT02AA', 'Email (logged)', 'sales_email', 'Done'],
      ['00THs00000TomT01AA', 'Call', 'call', 'Done'],
      ['00UHs00000TomE01AA', 'Customer meeting', 'meeting', undefined],
    ]);
  });

  it('shows activity values as the org stores them when the Task describe cannot be read', async () => {
    org({ Lead: lead(), pages });
    server.use(
      http.get(`${INSTANCE}/services/data/v60.0/sobjects/Task/describe`, () =>
        HttpResponse.json(fixture('error-insufficient-access'), { status: 403 }),
      ),
    );
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    const demo = bundle?.touches.find((t) => t.id === '00THs00000TomT06AA');
    expect([demo?.assetType, demo?.responseStatus]).toEqual(['Demo', 'Completed']);
  });

  /** Tom's Lead with only what `soql` asked for: related lists it did not name, and CompletedDateTime unless named. */
  function answerTo(soql: string) {
    const tom = fixture('lead-tom-becker') as { records: [Record<string, { records: Record<string, unknown>[] } | undefined>] };
    const record = tom.records[0];
    for (const list of ['Tasks', 'Events']) if (!soql.includes(`FROM ${list}`)) delete record[list];
    if (!soql.includes('CompletedDateTime')) for (const t of record.Tasks?.records ?? []) delete t.CompletedDateTime;
    return tom;
  }

  /** An org whose queries `refuse` answers (a 400 body), else answerTo does; the queries seen, in order. */
  function orgRefusing(refuse: (soql: string) => unknown): Seen[] {
    const seen = org({ pages });
    server.use(
      http.get(QUERY, ({ request }) => {
        const soql = new URL(request.url).searchParams.get('q') ?? '';
        seen.push({ path: new URL(request.url).pathname, soql, authorization: null });
        const refusal = refuse(soql);
        return refusal ? HttpResponse.json(refusal as JsonBodyType, { status: 400 }) : HttpResponse.json(answerTo(soql));
      }),
    );
    return seen;
  }

  /** Refuses, as INVALID_FIELD does, every query naming CompletedDateTime. */
  const orgHidingCompletedDateTime = () =>
    orgRefusing((soql) => (soql.includes('CompletedDateTime') ? fixture('error-invalid-field-task') : undefined));

  it('leaves out a Task field the profile may not see, notes it, and asks without it from then on', async () => {
    const seen = orgHidingCompletedDateTime();
    const labelCache = memoryLabelCache();
    const bundle = await connector(labelCache).fetchContact?.('tom.becker@aldermfg.example');
    const queries = seen.filter((s) => s.soql !== null);
    expect(queries.map((q) => q.soql?.includes('CompletedDateTime'))).toEqual([true, false]);
    // Without the completion time, a Task logged the day it was due is dated when it was logged.
    expect(bundle?.touches.filter((t) => t.assetCategory === 'call').map((t) => t.date)).toEqual([
      '2026-03-16T10:43:19.000Z',
      '2026-03-13T09:31:40.000Z',
    ]);
    expect(bundle?.issues).toEqual([{ vendor: 'Salesforce', object: 'Task', field: 'CompletedDateTime', problem: 'missing' }]);

    // A later lookup (the background restarted) asks once, and still lists the field.
    const again = await connector(labelCache).fetchContact?.('tom.becker@aldermfg.example');
    expect(seen.filter((s) => s.soql !== null)).toHaveLength(3);
    expect(again?.issues).toEqual(bundle?.issues);
  });

  it('leaves out a Lead field the profile may not see, shows the rest of the Lead, and lists the field', async () => {
    // The Lead's own fields are those before its related lists.
    const seen = orgRefusing((soql) =>
      /FROM Lead/.test(soql) && /\bIndustry\b/.test(soql.split('(SELECT')[0] ?? '')
        ? [{ message: "No such column 'Industry' on entity 'Lead'.", errorCode: 'INVALID_FIELD' }]
        : undefined,
    );
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(bundle?.contact).toMatchObject({ email: 'tom.becker@aldermfg.example', name: 'Tom Becker' });
    expect(bundle?.issues).toEqual(
      expect.arrayContaining([{ vendor: 'Salesforce', object: 'Lead', field: 'Industry', problem: 'missing' }]),
    );
    const queries = seen.filter((s) => s.soql !== null);
    expect(queries).toHaveLength(2);
    // Asked again without it: the Lead's own fields are those before its related lists.
    expect(queries[1]?.soql?.split('(SELECT')[0]).not.toMatch(/\bIndustry\b/);
  });

  // A user without access to Tasks; a profile hiding a field the Tasks query filters on.
  it.each([
    ['Tasks the user may not read at all', () => fixture('error-invalid-relationship-tasks')],
    ['a hidden IsClosed', () => [{ message: "No such column 'IsClosed' on entity 'Task'.", errorCode: 'INVALID_FIELD' }]],
  ])('reads the Lead, and its Events, without %s', async (_, refusal) => {
    const seen = orgRefusing((soql) => (soql.includes('FROM Tasks') ? refusal() : undefined));
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    expect(seen.filter((s) => s.soql !== null)).toHaveLength(2);
    expect(activities(bundle)).toEqual(['00UHs00000TomE01AA']);
    expect(bundle?.issues).toEqual([{ vendor: 'Salesforce', object: 'Lead', field: 'Tasks', problem: 'unreadable' }]);
  });

  it('fails at once when Salesforce refuses a field already left out, instead of asking again', async () => {
    const seen = orgRefusing(() => fixture('error-invalid-field-task'));
    await expect(connector().fetchContact?.('tom.becker@aldermfg.example')).rejects.toThrow();
    // The first refusal teaches the field; the second, naming it again, ends the lookup.
    expect(seen.filter((s) => s.soql !== null)).toHaveLength(2);
  });

  it('after three refused activity fields, shows the Lead without activities rather than fail', async () => {
    // An org hiding every optional Task field, refused one at a time as Salesforce does.
    const seen = orgRefusing((soql) => {
      const tasks = /\(SELECT ([^)]*) FROM Tasks/.exec(soql)?.[1] ?? '';
      const field = ['Subject', 'Type', 'TaskSubtype', 'Status'].find((f) => new RegExp(`(^|, )${f}(,|$)`).test(tasks));
      return soql.includes('FROM Tasks') && field
        ? [{ message: `No such column '${field}' on entity 'Task'.`, errorCode: 'INVALID_FIELD' }]
        : undefined;
    });
    const bundle = await connector().fetchContact?.('tom.becker@aldermfg.example');
    // Three refusals, each teaching one hidden field; the fourth query asks without activities.
    const queries = seen.filter((s) => s.soql !== null);
    expect(queries).toHaveLength(4);
    expect(queries[3]?.soql).not.toMatch(/FROM (Tasks|Events)/);
    expect(activities(bundle)).toEqual([]);
    expect(bundle?.issues).toEqual(
      expect.arrayContaining([
        { vendor: 'Salesforce', object: 'Task', field: 'Subject', problem: 'missing' },
        { vendor: 'Salesforce', object: 'Lead', field: 'Tasks', problem: 'unreadable' },
        { vendor: 'Salesforce', object: 'Lead', field: 'Events', problem: 'unreadable' },
      ]),
    );
  });
});
