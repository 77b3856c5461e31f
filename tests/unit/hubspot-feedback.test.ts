import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { createFeedback } from '../factories';
import { readFixtureJson } from '../support/fixtures';

const BASE = 'https://api.hubapi.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
const fx = (name: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${name}.json`);

type Seen = { method: string; path: string; query: URLSearchParams; body: unknown };
const seen: Seen[] = [];
const server = setupServer();
const calls = (method: string, path: string) => seen.filter((r) => r.method === method && r.path === path);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const feedback = createFeedback({
  id: 'fb-hubspot-1',
  email: MAYA,
  verdict: 'bad',
  reasonId: 'no_budget',
  note: 'Budget frozen until Q3',
  author: 'alex.rivera@brightwave.example',
  createdAt: '2026-03-05T12:00:00.000Z',
});

/** A HubSpot portal holding Maya and whatever notes get created, so search sees earlier writes. */
function portal() {
  const notes: { id: string; body: string }[] = [];
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : ((await request.clone().json()) as unknown);
    seen.push({ method: request.method, path: decodeURIComponent(url.pathname), query: url.searchParams, body });
    return body as { properties: Record<string, string>; filterGroups: { filters: { propertyName: string; value: string }[] }[] };
  };
  server.use(
    http.get(`${BASE}/crm/v3/objects/contacts/:email`, async ({ request, params }) => {
      await record(request);
      return params.email === MAYA
        ? HttpResponse.json(fx('contact-maya-email-only'))
        : HttpResponse.json(fx('error-404-object-not-found'), { status: 404 });
    }),
    http.post(`${BASE}/crm/v3/objects/notes/search`, async ({ request }) => {
      const body = await record(request);
      const token = body.filterGroups[0]?.filters.find((f) => f.propertyName === 'hs_note_body')?.value ?? '';
      const hits = notes.filter((n) => n.body.includes(token));
      if (!hits.length) return HttpResponse.json(fx('notes-search-empty'));
      const found = fx('notes-search-found') as { results: object[] };
      return HttpResponse.json({
        total: hits.length,
        results: hits.map((n) => ({ ...found.results[0], id: n.id, properties: { hs_note_body: n.body, hs_object_id: n.id } })),
      });
    }),
    http.post(`${BASE}/crm/v3/objects/notes`, async ({ request }) => {
      const body = await record(request);
      const created = fx('note-created') as { id: string };
      notes.push({ id: created.id, body: body.properties.hs_note_body ?? '' });
      return HttpResponse.json(created, { status: 201 });
    }),
    http.patch(`${BASE}/crm/v3/objects/contacts/:id`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(fx('contact-patched'));
    }),
  );
  return notes;
}

function connector(writeBackProperty?: string) {
  const policy = { ...DEFAULT_POLICY, sleep: vi.fn(async () => {}), random: () => 0.5 };
  return createHubspotConnector({ token: async () => 'pat-na1-test', policy, ...(writeBackProperty ? { writeBackProperty } : {}) });
}

describe('HubSpot deliverFeedback', () => {
  it('creates exactly one note with the marker, associated to the contact, and returns its id', async () => {
    portal();
    const delivery = await connector().deliverFeedback!(feedback, undefined);
    expect(delivery).toEqual({ remoteId: '60918273645' });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /crm/v3/objects/contacts/${MAYA}`,
      'POST /crm/v3/objects/notes/search',
      'POST /crm/v3/objects/notes',
    ]);
    expect(seen[0]?.query.get('idProperty')).toBe('email');
    expect(seen[1]?.body).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: 'leadlightfbhubspot1' },
            { propertyName: 'associations.contact', operator: 'EQ', value: '101' },
          ],
        },
      ],
      properties: ['hs_note_body'],
      limit: 10,
    });
    expect(seen[2]?.body).toEqual({
      properties: {
        hs_timestamp: '2026-03-05T12:00:00.000Z',
        hs_note_body:
          'Lead feedback from alex.rivera@brightwave.example: Bad lead – No budget – Budget frozen until Q3 [leadlightfbhubspot1]',
      },
      associations: [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    });
  });

  it('finds the earlier note on a second delivery of the same feedback instead of writing another', async () => {
    const notes = portal();
    const hubspot = connector();
    const first = await hubspot.deliverFeedback!(feedback, undefined);
    const second = await hubspot.deliverFeedback!(feedback, undefined);
    expect(second).toEqual(first);
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(1);
    expect(calls('POST', '/crm/v3/objects/notes/search')).toHaveLength(2);
    expect(notes).toHaveLength(1);
  });

  it('reuses a note an earlier attempt wrote (search answers with the fixture)', async () => {
    portal();
    server.use(http.post(`${BASE}/crm/v3/objects/notes/search`, () => HttpResponse.json(fx('notes-search-found'))));
    expect(await connector().deliverFeedback!(feedback, undefined)).toEqual({ remoteId: '60918273645' });
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(0);
  });

  it('writes the verdict to the configured contact property, and only then', async () => {
    portal();
    await connector('leadlight_verdict').deliverFeedback!(feedback, undefined);
    const patches = calls('PATCH', '/crm/v3/objects/contacts/101');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ properties: { leadlight_verdict: 'bad' } });

    seen.length = 0;
    await connector().deliverFeedback!({ ...feedback, id: 'fb-hubspot-2' }, undefined);
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('reports not_found and writes nothing when HubSpot has no such contact', async () => {
    portal();
    const error = await connector().deliverFeedback!({ ...feedback, email: 'nobody@unknown.example' }, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('not_found');
    expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});
