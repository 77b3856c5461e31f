import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { readFixtureJson } from '../support/fixtures';

const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const HS = 'https://api.hubapi.com';
const SF = 'https://brightwave.my.salesforce.com/services/data/v60.0';
const hs = (name: string) =>
  readFixtureJson<{ total: number; results: { id: string; properties: Record<string, string> }[] }>(`http/hubspot/${name}.json`);
const sf = (name: string) => readFixtureJson<{ records: Record<string, unknown>[] }>(`http/salesforce/${name}.json`);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type SearchBody = {
  filterGroups: { filters: { propertyName: string; operator: string; value?: string }[] }[];
  sorts?: { propertyName: string; direction: string }[];
  limit: number;
  after?: string;
};

/**
 * HubSpot's search as documented: at most 200 a page, and no paging past 10,000
 * results with `after` (a 400). Records are served in id order above the GT filter.
 */
function searchEndpoint(object: string, records: { id: string; properties: Record<string, string> }[], asked: SearchBody[]) {
  return http.post(`${HS}/crm/v3/objects/${object}/search`, async ({ request }) => {
    const body = (await request.json()) as SearchBody;
    asked.push(body);
    if (body.limit > 200)
      return HttpResponse.json({ status: 'error', message: 'limit must be <= 200', category: 'VALIDATION_ERROR' }, { status: 400 });
    if (Number(body.after ?? 0) >= 10_000)
      return HttpResponse.json(
        { status: 'error', message: 'Paging beyond 10000 results is not allowed', category: 'VALIDATION_ERROR' },
        { status: 400 },
      );
    const gt = body.filterGroups[0]?.filters.find((f) => f.propertyName === 'hs_object_id' && f.operator === 'GT')?.value ?? '0';
    const matching = records.filter((r) => BigInt(r.id) > BigInt(gt)).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    return HttpResponse.json({
      total: matching.length,
      results: matching.slice(0, body.limit),
      paging: matching.length > body.limit ? { next: { after: String(body.limit) } } : undefined,
    });
  });
}

/** Many notes like the fixture's first, each a verdict by one of three reps on its own contact. */
function manyNotes(n: number) {
  const template = hs('notes-search-verdicts').results[0]!;
  const reps = ['jamie.chen', 'alex.rivera', 'sam.ortiz'];
  return Array.from({ length: n }, (_, i) => {
    const rep = reps[i % 3]!;
    const body = template.properties
      .hs_note_body!.replace('id=fb-jamie-1', `id=fb-${i}`)
      .replace('contact=maya.okafor%40northwind-logistics.example', `contact=lead${i}%40example.com`)
      .replace('by=Jamie%20Chen%20%3Cjamie.chen%40', `by=${rep}%40`);
    return { id: String(70_000_000_000 + i), properties: { ...template.properties, hs_note_body: body } };
  });
}

describe('the team’s verdicts read from HubSpot', () => {
  it('reads marked notes and Leadlight properties, counting a property that repeats a note once', async () => {
    const asked: SearchBody[] = [];
    server.use(
      searchEndpoint('notes', hs('notes-search-verdicts').results, asked),
      searchEndpoint('contacts', hs('contacts-search-verdicts').results, asked),
    );
    const progress: { read: number; total?: number }[] = [];
    const verdicts = await createHubspotConnector({ token: async () => 'pat', policy }).readTeamVerdicts!((p) => progress.push(p));
    expect(verdicts.map((v) => [v.id, v.email, v.verdict, v.kind, v.reasonId, v.author]).sort()).toEqual(
      [
        ['fb-alex-7', 'tom.becker@aldermfg.example', 'good', 'handoff', undefined, 'Alex Rivera <alex.rivera@brightwave.example>'],
        [
          'fb-jamie-1',
          'maya.okafor@northwind-logistics.example',
          'bad',
          'quality',
          'no_budget',
          'Jamie Chen <jamie.chen@brightwave.example>',
        ],
        // Only in the properties (its note was deleted): the latest verdict on Priya.
        [
          'hubspot-contact-2251-2026-11-04T15:21:07.000Z',
          'priya.raman@corvidretail.example',
          'good',
          undefined,
          'right_persona',
          'Sam Ortiz <sam.ortiz@brightwave.example>',
        ],
      ].sort(),
    );
    expect(asked[0]!.filterGroups[0]!.filters[0]).toEqual({
      propertyName: 'hs_note_body',
      operator: 'CONTAINS_TOKEN',
      value: 'leadlightverdict',
    });
    expect(asked[1]!.filterGroups[0]!.filters[0]).toEqual({ propertyName: 'leadlight_last_verdict', operator: 'HAS_PROPERTY' });
    expect(progress.at(-1)).toEqual({ read: 4, total: 4 });
  });

  it('pages past HubSpot’s 10,000-result search limit by id, 200 at a time', async () => {
    const asked: SearchBody[] = [];
    const notes = manyNotes(10_450);
    server.use(searchEndpoint('notes', notes, asked), searchEndpoint('contacts', [], asked));
    const progress: { read: number; total?: number }[] = [];
    const verdicts = await createHubspotConnector({ token: async () => 'pat', policy }).readTeamVerdicts!((p) => progress.push(p));
    expect(verdicts).toHaveLength(10_450);
    expect(new Set(verdicts.map((v) => v.author)).size).toBe(3);
    const noteSearches = asked.filter((a) => a.filterGroups[0]!.filters[0]!.propertyName === 'hs_note_body');
    expect(noteSearches).toHaveLength(53);
    expect(noteSearches.every((a) => a.limit === 200 && a.after === undefined)).toBe(true);
    expect(progress[0]).toEqual({ read: 200, total: 10_450 });
  });

  it('skips a note whose data line was edited into nonsense, and keeps the rest', async () => {
    const asked: SearchBody[] = [];
    const [good, edited] = hs('notes-search-verdicts').results;
    const broken = { ...edited!, properties: { ...edited!.properties, hs_note_body: 'leadlightverdict id=x verdict=maybe' } };
    server.use(searchEndpoint('notes', [good!, broken], asked), searchEndpoint('contacts', [], asked));
    const verdicts = await createHubspotConnector({ token: async () => 'pat', policy }).readTeamVerdicts!();
    expect(verdicts.map((v) => v.id)).toEqual(['fb-jamie-1']);
  });
});

describe('the team’s verdicts from partial records', () => {
  type Expected = { teamVerdicts: { ids: string[]; authors?: string[] } };
  const expected = (vendor: string) => readFixtureJson<Expected>(`http/${vendor}/partial/expected.json`).teamVerdicts;

  it('HubSpot: a note with an unreadable property keeps its verdict, and never sinks the page', async () => {
    const page = readFixtureJson<object>('http/hubspot/partial/notes-search-verdicts.json');
    server.use(
      http.post(`${HS}/crm/v3/objects/notes/search`, () => HttpResponse.json(page)),
      http.post(`${HS}/crm/v3/objects/contacts/search`, () => HttpResponse.json({ total: 0, results: [] })),
    );
    const verdicts = await createHubspotConnector({ token: async () => 'pat', policy }).readTeamVerdicts!();
    expect(verdicts.map((v) => v.id)).toEqual(expected('hubspot').ids);
  });

  it('Salesforce: a Task with an unreadable optional field keeps its verdict; one without an Id is left out', async () => {
    server.use(http.get(`${SF}/query`, () => HttpResponse.json(sf('partial/tasks-verdicts'))));
    const session = {
      accessToken: async () => 't',
      instanceUrl: async () => 'https://brightwave.my.salesforce.com',
      refresh: async () => 't2',
    };
    const verdicts = await createSalesforceConnector({ session, policy }).readTeamVerdicts!();
    expect(verdicts.map((v) => v.id)).toEqual(expected('salesforce').ids);
    expect(verdicts.map((v) => v.author)).toEqual(expected('salesforce').authors);
  });
});

describe('the team’s verdicts read from Salesforce', () => {
  const session = {
    accessToken: async () => 't',
    instanceUrl: async () => 'https://brightwave.my.salesforce.com',
    refresh: async () => 't2',
  };

  it('reads Leadlight’s Tasks by their fixed subject prefix, older Tasks from the subject and description', async () => {
    const soql: string[] = [];
    server.use(
      http.get(`${SF}/query`, ({ request }) => {
        soql.push(new URL(request.url).searchParams.get('q') ?? '');
        return HttpResponse.json(sf('tasks-verdicts'));
      }),
    );
    const verdicts = await createSalesforceConnector({ session, policy }).readTeamVerdicts!();
    expect(soql).toEqual([
      "SELECT Id, Subject, Description, CreatedDate, Who.Email FROM Task WHERE Subject LIKE 'Lead feedback:%' ORDER BY Id LIMIT 2000",
    ]);
    expect(verdicts).toEqual([
      {
        id: '3f9c2a7e-5b1d-4c8e-9a0f-6d2e1b7c4a90',
        email: 'tom.becker@aldermfg.example',
        verdict: 'bad',
        kind: 'quality',
        reasonLabel: 'No budget',
        author: 'alex.rivera@brightwave.example',
        createdAt: '2026-03-12T16:30:04.000Z',
        origin: 'salesforce',
      },
      {
        id: '8c1d2e3f-0000-4000-8000-000000000001',
        email: 'priya.raman@corvidretail.example',
        verdict: 'bad',
        kind: 'handoff',
        reasonId: 'recycle_nurture',
        recycleOn: '2027-02-01',
        author: 'Jamie Chen <jamie.chen@brightwave.example>',
        createdAt: '2026-11-20T09:00:00.000Z',
        origin: 'salesforce',
      },
    ]);
  });

  it('pages by Id, 2,000 Tasks at a time, until a short page', async () => {
    const template = sf('tasks-verdicts').records[1]!;
    const all = Array.from({ length: 4005 }, (_, i) => ({
      ...template,
      Id: `00THs0000${String(i).padStart(6, '0')}AAA`.slice(0, 18),
      Description: String(template.Description).replaceAll('8c1d2e3f-0000-4000-8000-000000000001', `task-${i}`),
    }));
    const soql: string[] = [];
    server.use(
      http.get(`${SF}/query`, ({ request }) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        soql.push(q);
        const after = /Id > '([^']+)'/.exec(q)?.[1] ?? '';
        const records = all.filter((t) => t.Id > after).slice(0, 2000);
        return HttpResponse.json({ totalSize: records.length, done: true, records });
      }),
    );
    const verdicts = await createSalesforceConnector({ session, policy }).readTeamVerdicts!();
    expect(verdicts).toHaveLength(4005);
    expect(soql).toHaveLength(3);
    expect(soql[1]).toContain(`AND Id > '${all[1999]!.Id}' ORDER BY Id LIMIT 2000`);
  });
});
