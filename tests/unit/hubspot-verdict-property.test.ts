import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { schemaFingerprint, type VerdictSchemaState } from '@/lib/connectors/hubspot/hubspot-verdict-schema';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import { createFeedback } from '../factories';
import { readFixtureJson } from '../support/fixtures';

const BASE = 'https://api.hubapi.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
const fx = (name: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${name}.json`);
const LEADLIGHT = ['leadlight_last_verdict', 'leadlight_last_reason', 'leadlight_last_feedback_at', 'leadlight_last_feedback_by'];

type Seen = { method: string; path: string; properties?: string[] };
const seen: Seen[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const feedback = createFeedback({
  id: 'fb-hubspot-7',
  email: MAYA,
  verdict: 'bad',
  reasonId: 'no_budget',
  author: 'alex.rivera@brightwave.example',
  createdAt: '2026-03-05T12:00:00.000Z',
  attempts: 1,
});

/**
 * Maya's portal, where a PATCH carrying any of `refused` is answered with the 400 `error`
 * (a fixture) and any other PATCH goes through.
 */
function portal(refused: readonly string[], error: string) {
  server.use(
    http.get(`${BASE}/crm/v3/objects/contacts/:email`, ({ request }) => {
      seen.push({ method: 'GET', path: decodeURIComponent(new URL(request.url).pathname) });
      return HttpResponse.json(fx('contact-maya-email-only'));
    }),
    http.patch(`${BASE}/crm/v3/objects/contacts/:id`, async ({ request }) => {
      const body = (await request.json()) as { properties: Record<string, string> };
      const properties = Object.keys(body.properties);
      seen.push({ method: 'PATCH', path: decodeURIComponent(new URL(request.url).pathname), properties });
      return properties.some((p) => refused.includes(p))
        ? HttpResponse.json(fx(error), { status: 400 })
        : HttpResponse.json(fx('contact-patched'));
    }),
    http.post(`${BASE}/crm/v3/objects/notes/search`, () => {
      seen.push({ method: 'POST', path: '/crm/v3/objects/notes/search' });
      return HttpResponse.json(fx('notes-search-empty'));
    }),
    http.post(`${BASE}/crm/v3/objects/notes`, () => {
      seen.push({ method: 'POST', path: '/crm/v3/objects/notes' });
      return HttpResponse.json(fx('note-created'), { status: 201 });
    }),
  );
}

/** Leadlight's properties checked and ready, as the background keeps their state. */
function readySchema() {
  const ready: VerdictSchemaState = { fingerprint: schemaFingerprint(FEEDBACK_REASONS), ready: true, checkedAt: new Date().toISOString() };
  const store = { state: ready, saves: 0 };
  const api = {
    reasons: async () => FEEDBACK_REASONS,
    load: async () => store.state,
    save: async (state: VerdictSchemaState) => {
      store.state = state;
      store.saves += 1;
    },
  };
  return { store, api, ready };
}

function connector(writeBackProperty: string, verdictSchema?: ReturnType<typeof readySchema>['api']) {
  return createHubspotConnector({
    token: async () => 'pat-na1-test',
    writeBackProperty,
    now: () => new Date('2026-03-05T12:01:00.000Z'),
    policy: { ...DEFAULT_POLICY, sleep: vi.fn(async () => {}), random: () => 0.5 },
    ...(verdictSchema ? { verdictSchema } : {}),
  });
}

const requests = () => seen.map((r) => `${r.method} ${r.path}${r.properties ? ` ${r.properties.join(',')}` : ''}`);

describe('HubSpot refuses the admin’s “Contact property for verdicts”', () => {
  it('a property that does not exist: the note is written, Leadlight’s properties are set and their state left alone', async () => {
    portal(['lead_quality_feedbak'], 'error-400-property-doesnt-exist');
    const { store, api, ready } = readySchema();
    const delivery = await connector('lead_quality_feedbak', api).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([
      `PATCH /crm/v3/objects/contacts/${MAYA} ${[...LEADLIGHT, 'lead_quality_feedbak'].join(',')}`,
      // One more PATCH sets what HubSpot did not name; its answer gives the contact id for the note.
      `PATCH /crm/v3/objects/contacts/${MAYA} ${LEADLIGHT.join(',')}`,
      'POST /crm/v3/objects/notes',
    ]);
    expect(delivery.remoteId).toBe('60918273645');
    // HubSpot, the object, the property and HubSpot's own words and code (error-400-property-doesnt-exist.json).
    expect(delivery.problem).toBe(
      'HubSpot did not set the contact property lead_quality_feedbak: Property "lead_quality_feedbak" does not exist ' +
        '(PROPERTY_DOESNT_EXIST). The verdict is saved as a note; check “Contact property for verdicts” in Leadlight settings.',
    );
    expect(delivery.issues).toEqual([{ vendor: 'HubSpot', object: 'contact', field: 'lead_quality_feedbak', problem: 'refused' }]);
    expect(store.state).toEqual(ready);
    expect(store.saves).toBe(0);
  });

  it('a dropdown without the value, notes only: the contact is read for its id and the note written', async () => {
    portal(['lead_quality'], 'error-400-invalid-option-lead-quality');
    const delivery = await connector('lead_quality').deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([
      `PATCH /crm/v3/objects/contacts/${MAYA} lead_quality`,
      `GET /crm/v3/objects/contacts/${MAYA}`,
      'POST /crm/v3/objects/notes',
    ]);
    expect(delivery.problem).toContain(
      'contact property lead_quality: bad was not one of the allowed options: [Good, Bad] (INVALID_OPTION)',
    );
    expect(delivery.issues).toEqual([{ vendor: 'HubSpot', object: 'contact', field: 'lead_quality', problem: 'refused' }]);
  });

  it('on a retry, names the property from errors[].context.propertyName and still writes the note once', async () => {
    portal(['lead_quality_feedbak'], 'error-400-property-doesnt-exist-errors-context');
    const { store, api } = readySchema();
    const delivery = await connector('lead_quality_feedbak', api).deliverFeedback!({ ...feedback, attempts: 2 }, undefined);
    expect(requests()).toEqual([
      `GET /crm/v3/objects/contacts/${MAYA}`,
      'POST /crm/v3/objects/notes/search',
      `PATCH /crm/v3/objects/contacts/101 ${[...LEADLIGHT, 'lead_quality_feedbak'].join(',')}`,
      `PATCH /crm/v3/objects/contacts/101 ${LEADLIGHT.join(',')}`,
      'POST /crm/v3/objects/notes',
    ]);
    expect(delivery.problem).toContain('lead_quality_feedbak: Property "lead_quality_feedbak" does not exist (PROPERTY_DOESNT_EXIST)');
    expect(store.saves).toBe(0);
  });

  it('a refusal naming no property: Leadlight’s are checked again and the admin’s tried alone; refused again, it is named', async () => {
    portal([...LEADLIGHT, 'lead_quality'], 'error-400-bad-request');
    const { store, api } = readySchema();
    const delivery = await connector('lead_quality', api).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([
      `PATCH /crm/v3/objects/contacts/${MAYA} ${[...LEADLIGHT, 'lead_quality'].join(',')}`,
      `PATCH /crm/v3/objects/contacts/${MAYA} lead_quality`,
      `GET /crm/v3/objects/contacts/${MAYA}`,
      'POST /crm/v3/objects/notes',
    ]);
    expect(delivery.problem).toContain('contact property lead_quality: There was a problem with the request');
    expect(store.state.ready).toBe(false);
  });

  it('a refusal of Leadlight’s own property still sets the admin’s and writes the note, without a problem to report', async () => {
    portal(['leadlight_last_reason'], 'error-400-invalid-option');
    const { store, api } = readySchema();
    const delivery = await connector('lead_quality', api).deliverFeedback!(feedback, undefined);
    expect(requests()).toEqual([
      `PATCH /crm/v3/objects/contacts/${MAYA} ${[...LEADLIGHT, 'lead_quality'].join(',')}`,
      // The four describe one verdict together: none is set beside a reason left from another.
      `PATCH /crm/v3/objects/contacts/${MAYA} lead_quality`,
      'POST /crm/v3/objects/notes',
    ]);
    expect(delivery).toEqual({ remoteId: '60918273645' });
    expect(store.state.fingerprint).toBe('');
  });
});
