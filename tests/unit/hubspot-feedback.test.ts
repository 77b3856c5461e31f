import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import type { VerdictSchemaState, VerdictSchemaStore } from '@/lib/connectors/hubspot/hubspot-verdict-schema';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
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
  // The outbox counts the attempt before it delivers: 1 is a first delivery.
  attempts: 1,
});
const retried = { ...feedback, attempts: 2 };

/** A HubSpot portal holding Maya and whatever notes get created, so search sees earlier writes. */
function portal({ lastFeedbackAt }: { lastFeedbackAt?: string } = {}) {
  const notes: { id: string; body: string }[] = [];
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : ((await request.clone().json()) as unknown);
    seen.push({ method: request.method, path: decodeURIComponent(url.pathname), query: url.searchParams, body });
    return body as { properties: Record<string, string>; filterGroups: { filters: { propertyName: string; value: string }[] }[] };
  };
  const maya = (id: string) => id === MAYA || id === '101';
  server.use(
    http.get(`${BASE}/crm/v3/objects/contacts/:email`, async ({ request, params }) => {
      await record(request);
      const found = fx('contact-maya-email-only') as { properties: Record<string, string | null> };
      return maya(String(params.email))
        ? HttpResponse.json({ ...found, properties: { ...found.properties, leadlight_last_feedback_at: lastFeedbackAt ?? null } })
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
    http.patch(`${BASE}/crm/v3/objects/contacts/:id`, async ({ request, params }) => {
      await record(request);
      return maya(String(params.id))
        ? HttpResponse.json(fx('contact-patched'))
        : HttpResponse.json(fx('error-404-object-not-found'), { status: 404 });
    }),
    http.post(`${BASE}/crm/v3/properties/contacts/batch/read`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(fx('properties-batch-read-empty'));
    }),
    http.post(`${BASE}/crm/v3/properties/contacts/groups`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(fx('property-group-created'), { status: 201 });
    }),
    http.post(`${BASE}/crm/v3/properties/contacts/batch/create`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(fx('properties-batch-created'), { status: 201 });
    }),
  );
  return notes;
}

/** A schema store as the background keeps it, in memory. */
function schemaStore(initial?: VerdictSchemaState) {
  const store = { state: initial, saves: 0 };
  const api: VerdictSchemaStore = {
    reasons: async () => FEEDBACK_REASONS,
    load: async () => store.state,
    save: async (state) => {
      store.state = state;
      store.saves += 1;
    },
  };
  return { store, api };
}

/** A minute after `feedback` was given: the outbox delivers on time. */
const onTime = () => new Date('2026-03-05T12:01:00.000Z');

function connector(writeBackProperty?: string, verdictSchema?: VerdictSchemaStore, now = onTime) {
  const policy = { ...DEFAULT_POLICY, sleep: vi.fn(async () => {}), random: () => 0.5 };
  return createHubspotConnector({
    token: async () => 'pat-na1-test',
    policy,
    now,
    ...(writeBackProperty ? { writeBackProperty } : {}),
    ...(verdictSchema ? { verdictSchema } : {}),
  });
}

const requests = () => seen.map((r) => `${r.method} ${r.path}`);

describe('HubSpot deliverFeedback', () => {
  it('without Leadlight properties: reads the contact id, then creates exactly one note with the marker and the data line', async () => {
    portal();
    const delivery = await connector().deliverFeedback!(feedback, undefined);
    expect(delivery).toEqual({ remoteId: '60918273645' });
    expect(requests()).toEqual([`GET /crm/v3/objects/contacts/${MAYA}`, 'POST /crm/v3/objects/notes']);
    expect(seen[0]?.query.get('idProperty')).toBe('email');
    expect(seen[1]?.body).toEqual({
      properties: {
        hs_timestamp: '2026-03-05T12:00:00.000Z',
        hs_note_body:
          '<p>Lead feedback from alex.rivera@brightwave.example: Bad lead – No budget – Budget frozen until Q3 [leadlightfbhubspot1]</p>' +
          '<p>leadlightverdict id=fb-hubspot-1 contact=maya.okafor%40northwind-logistics.example verdict=bad kind=quality reason=no_budget ' +
          'by=alex.rivera%40brightwave.example at=2026-03-05T12%3A00%3A00.000Z</p>',
      },
      associations: [{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    });
  });

  it('with the Leadlight properties: sets them by email and writes the note, two calls in all', async () => {
    portal();
    const { api } = schemaStore({ fingerprint: '', ready: true, checkedAt: '2026-03-05T11:00:00.000Z' });
    // A stale fingerprint makes the connector check the schema first; here it is current.
    const { schemaFingerprint } = await import('@/lib/connectors/hubspot/hubspot-verdict-schema');
    await api.save({ fingerprint: schemaFingerprint(FEEDBACK_REASONS), ready: true, checkedAt: '2026-03-05T11:00:00.000Z' });
    await connector(undefined, api).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([`PATCH /crm/v3/objects/contacts/${MAYA}`, 'POST /crm/v3/objects/notes']);
    expect(seen[0]?.query.get('idProperty')).toBe('email');
    expect(seen[0]?.body).toEqual({
      properties: {
        leadlight_last_verdict: 'bad',
        leadlight_last_reason: 'no_budget',
        leadlight_last_feedback_at: '2026-03-05T12:00:00.000Z',
        leadlight_last_feedback_by: 'alex.rivera@brightwave.example',
      },
    });
    expect((seen[1]?.body as { associations: { to: { id: string } }[] }).associations[0]?.to.id).toBe('101');
  });

  it('on connecting, creates the Leadlight group and its four properties when the portal lacks them, once', async () => {
    portal();
    const { store, api } = schemaStore();
    const hubspot = connector(undefined, api);
    expect(await hubspot.prepareWriteBack!()).toMatchObject({ ready: true });
    expect(requests()).toEqual([
      'POST /crm/v3/properties/contacts/batch/read',
      'POST /crm/v3/properties/contacts/groups',
      'POST /crm/v3/properties/contacts/batch/create',
    ]);
    expect(seen[1]?.body).toEqual({ name: 'leadlight', label: 'Leadlight', displayOrder: -1 });
    const created = (seen[2]?.body as { inputs: { name: string; groupName: string; type: string; options?: { value: string }[] }[] })
      .inputs;
    expect(created.map((p) => [p.name, p.type, p.groupName])).toEqual([
      ['leadlight_last_verdict', 'enumeration', 'leadlight'],
      ['leadlight_last_reason', 'enumeration', 'leadlight'],
      ['leadlight_last_feedback_at', 'datetime', 'leadlight'],
      ['leadlight_last_feedback_by', 'string', 'leadlight'],
    ]);
    expect(created[1]?.options?.map((o) => o.value)).toEqual(FEEDBACK_REASONS.map((r) => r.id));
    seen.length = 0;
    await hubspot.prepareWriteBack!();
    expect(seen).toHaveLength(0);
    expect(store.saves).toBe(1);
  });

  it('updates the reason options when the team’s list changed', async () => {
    portal();
    const existing = (fx('properties-batch-created') as { results: { name: string }[] }).results[0]!;
    server.use(
      http.post(`${BASE}/crm/v3/properties/contacts/batch/read`, async ({ request }) => {
        seen.push({ method: 'POST', path: new URL(request.url).pathname, query: new URLSearchParams(), body: undefined });
        return HttpResponse.json({
          status: 'COMPLETE',
          results: ['leadlight_last_verdict', 'leadlight_last_feedback_at', 'leadlight_last_feedback_by']
            .map((name) => ({ ...existing, name }))
            .concat([{ ...existing, name: 'leadlight_last_reason', options: [{ label: 'No budget', value: 'no_budget' }] } as never]),
        });
      }),
      http.patch(`${BASE}/crm/v3/properties/contacts/leadlight_last_reason`, async ({ request }) => {
        seen.push({ method: 'PATCH', path: new URL(request.url).pathname, query: new URLSearchParams(), body: await request.json() });
        return HttpResponse.json({ ...existing, name: 'leadlight_last_reason' });
      }),
    );
    await connector(undefined, schemaStore().api).prepareWriteBack!();
    expect(requests()).toEqual(['POST /crm/v3/properties/contacts/batch/read', 'PATCH /crm/v3/properties/contacts/leadlight_last_reason']);
    expect((seen[1]?.body as { options: { value: string }[] }).options).toHaveLength(FEEDBACK_REASONS.length);
  });

  it('without the schema scope, says so plainly and keeps writing notes', async () => {
    portal();
    server.use(
      http.post(`${BASE}/crm/v3/properties/contacts/batch/read`, () =>
        HttpResponse.json(fx('error-403-missing-scopes-schemas-write'), { status: 403 }),
      ),
    );
    const { store, api } = schemaStore();
    const hubspot = connector(undefined, api);
    const prepared = await hubspot.prepareWriteBack!();
    expect(prepared.ready).toBe(false);
    expect(prepared.problem).toContain('crm.schemas.contacts.write');
    expect(prepared.problem).toContain('notes only');
    seen.length = 0;
    expect(await hubspot.deliverFeedback!(feedback, undefined)).toEqual({ remoteId: '60918273645' });
    expect(requests()).toEqual([`GET /crm/v3/objects/contacts/${MAYA}`, 'POST /crm/v3/objects/notes']);
    expect(store.state?.ready).toBe(false);
  });

  it('when HubSpot refuses a property value, writes the note anyway and checks the schema next time', async () => {
    portal();
    const { schemaFingerprint } = await import('@/lib/connectors/hubspot/hubspot-verdict-schema');
    const { store, api } = schemaStore({
      fingerprint: schemaFingerprint(FEEDBACK_REASONS),
      ready: true,
      checkedAt: '2026-03-05T11:00:00.000Z',
    });
    server.use(
      http.patch(`${BASE}/crm/v3/objects/contacts/:id`, async ({ request }) => {
        seen.push({
          method: 'PATCH',
          path: decodeURIComponent(new URL(request.url).pathname),
          query: new URLSearchParams(),
          body: undefined,
        });
        return HttpResponse.json(fx('error-400-invalid-option'), { status: 400 });
      }),
    );
    expect(await connector(undefined, api).deliverFeedback!(feedback, undefined)).toEqual({ remoteId: '60918273645' });
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(1);
    expect(store.state?.fingerprint).toBe('');
  });

  it('labels the reason in the note as the team does: a reason it added, and a built-in one it renamed', async () => {
    portal();
    const { schemaFingerprint } = await import('@/lib/connectors/hubspot/hubspot-verdict-schema');
    const teamReasons = [
      ...FEEDBACK_REASONS.map((r) => (r.id === 'no_budget' ? { ...r, label: 'No budget this fiscal year' } : r)),
      { id: 'pricing_too_high', verdict: 'bad' as const, group: 'disqualification' as const, label: 'Pricing too high for them' },
    ];
    const { api } = schemaStore({ fingerprint: schemaFingerprint(teamReasons), ready: true, checkedAt: '2026-03-05T11:00:00.000Z' });
    const hubspot = connector(undefined, { ...api, reasons: async () => teamReasons });
    await hubspot.deliverFeedback!(feedback, undefined);
    await hubspot.deliverFeedback!({ ...feedback, id: 'fb-hubspot-3', reasonId: 'pricing_too_high', note: undefined }, undefined);
    const bodies = calls('POST', '/crm/v3/objects/notes').map(
      (r) => (r.body as { properties: { hs_note_body: string } }).properties.hs_note_body,
    );
    expect(bodies[0]).toContain('Bad lead – No budget this fiscal year – Budget frozen until Q3 [leadlightfbhubspot1]');
    expect(bodies[1]).toContain('Bad lead – Pricing too high for them [leadlightfbhubspot3]');
  });

  it('a retry finds the note the earlier attempt wrote instead of writing another', async () => {
    const notes = portal();
    const hubspot = connector();
    const first = await hubspot.deliverFeedback!(feedback, undefined);
    const second = await hubspot.deliverFeedback!(retried, undefined);
    expect(second).toEqual(first);
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(1);
    expect(calls('POST', '/crm/v3/objects/notes/search')).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('a retry reuses a note an earlier attempt wrote (search answers with the fixture)', async () => {
    portal();
    server.use(http.post(`${BASE}/crm/v3/objects/notes/search`, () => HttpResponse.json(fx('notes-search-found'))));
    expect(await connector().deliverFeedback!(retried, undefined)).toEqual({ remoteId: '60918273645' });
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(0);
  });

  it('a retry never overwrites properties a newer verdict set meanwhile', async () => {
    portal({ lastFeedbackAt: '2026-03-06T09:00:00.000Z' });
    await connector('lead_quality').deliverFeedback!(retried, undefined);
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(1);
  });

  it('a first attempt hours late (offline, or a manual retry) leaves the properties to a newer verdict', async () => {
    portal({ lastFeedbackAt: '2026-03-05T15:00:00.000Z' });
    const late = () => new Date('2026-03-05T18:00:00.000Z');
    await connector('lead_quality', undefined, late).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([`GET /crm/v3/objects/contacts/${MAYA}`, 'POST /crm/v3/objects/notes']);
  });

  it('a first attempt hours late still sets the properties when no newer verdict did', async () => {
    portal({ lastFeedbackAt: '2026-03-01T09:00:00.000Z' });
    const late = () => new Date('2026-03-05T18:00:00.000Z');
    await connector('lead_quality', undefined, late).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([
      `GET /crm/v3/objects/contacts/${MAYA}`,
      'PATCH /crm/v3/objects/contacts/101',
      'POST /crm/v3/objects/notes',
    ]);
  });

  it('writes the verdict to the configured contact property, and only then', async () => {
    portal();
    await connector('lead_quality').deliverFeedback!(feedback, undefined);
    const patches = calls('PATCH', `/crm/v3/objects/contacts/${MAYA}`);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ properties: { lead_quality: 'bad' } });

    seen.length = 0;
    await connector().deliverFeedback!({ ...feedback, id: 'fb-hubspot-2' }, undefined);
    expect(seen.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('reports not_found and writes nothing when HubSpot has no such contact', async () => {
    portal();
    for (const hubspot of [connector(), connector('lead_quality')]) {
      const error = await hubspot.deliverFeedback!({ ...feedback, email: 'nobody@unknown.example' }, undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe('not_found');
      expect((error as ConnectorError).message).toContain('nobody@unknown.example');
    }
    expect(calls('POST', '/crm/v3/objects/notes')).toHaveLength(0);
  });
});
