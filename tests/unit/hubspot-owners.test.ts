import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotClient } from '@/lib/connectors/hubspot/hubspot-client';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { createOwnerNames } from '@/lib/connectors/hubspot/hubspot-owners';
import { memoryLabelCache } from '@/lib/connectors/label-cache';
import { readFixtureJson } from '../support/fixtures';

const BASE = 'https://api.hubapi.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
const fx = (name: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${name}.json`);
const notFound = () => HttpResponse.json(fx('error-404-object-not-found'), { status: 404 });

const asked: URL[] = [];
const server = setupServer();
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  if (url.pathname.startsWith('/crm/v3/owners/')) asked.push(url);
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  asked.length = 0;
});
afterAll(() => server.close());

const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const call = createHubspotClient({ token: async () => 'pat-na1-test', policy });

/** HubSpot's owners: Alex Rivera active, Sam Ortiz deactivated (found only among archived owners). */
function owners(refuse = false) {
  server.use(
    http.get(`${BASE}/crm/v3/owners/:id`, ({ params, request }) => {
      if (refuse) return HttpResponse.json(fx('error-403-missing-scopes-owners'), { status: 403 });
      const archived = new URL(request.url).searchParams.get('archived') === 'true';
      if (params.id === '52331987' && !archived) return HttpResponse.json(fx('owner-52331987'));
      if (params.id === '52331990' && archived) return HttpResponse.json(fx('owner-52331990-archived'));
      return notFound();
    }),
  );
}

describe('HubSpot owner names', () => {
  it('names an owner by id as the portal wrote it, read once however many contacts they own', async () => {
    owners();
    const names = createOwnerNames(call, memoryLabelCache());
    // Two sidebars asking about two of Alex's contacts at once.
    const both = await Promise.all([names('52331987'), names('52331987')]);
    expect(both).toEqual([
      { name: 'Alex Rivera', issues: [] },
      { name: 'Alex Rivera', issues: [] },
    ]);
    expect(await names('52331987')).toEqual({ name: 'Alex Rivera', issues: [] });
    expect(asked.map((u) => `${u.pathname}?${u.searchParams.toString()}`)).toEqual([
      '/crm/v3/owners/52331987?idProperty=id&archived=false',
    ]);
  });

  it('keeps names for the day across restarts of the background, in the label cache', async () => {
    owners();
    const cache = memoryLabelCache();
    await createOwnerNames(call, cache)('52331987');
    expect(await createOwnerNames(call, cache)('52331987')).toEqual({ name: 'Alex Rivera', issues: [] });
    expect(asked).toHaveLength(1);
  });

  it('finds an owner deactivated since among archived owners', async () => {
    owners();
    expect(await createOwnerNames(call, memoryLabelCache())('52331990')).toEqual({ name: 'Sam Ortiz', issues: [] });
    expect(asked.map((u) => u.searchParams.get('archived'))).toEqual(['false', 'true']);
  });

  it('leaves an owner HubSpot does not know unnamed, and does not ask again that day', async () => {
    owners();
    const cache = memoryLabelCache();
    expect(await createOwnerNames(call, cache)('999')).toEqual({ issues: [] });
    expect(await createOwnerNames(call, cache)('999')).toEqual({ issues: [] });
    expect(asked).toHaveLength(2); // active, then archived: once
  });

  it('names the missing scope without failing, and asks again once it may have been granted', async () => {
    owners(true);
    // One connector: granting a scope in HubSpot changes neither the token nor the settings it was built from.
    const names = createOwnerNames(call, memoryLabelCache());
    expect(await names('52331987')).toEqual({
      issues: [{ vendor: 'HubSpot', object: 'owners', field: 'crm.objects.owners.read', problem: 'no_scope' }],
    });
    owners();
    expect((await names('52331987')).name).toBe('Alex Rivera');
  });

  it('leaves an owner it cannot read unnamed, saying so, rather than fail the contact', async () => {
    server.use(
      http.get(`${BASE}/crm/v3/owners/:id`, () =>
        HttpResponse.json({ ...fx('owner-52331987'), firstName: 7, lastName: ['Rivera'], email: null }),
      ),
    );
    expect(await createOwnerNames(call, memoryLabelCache())('52331987')).toEqual({
      issues: [{ vendor: 'HubSpot', object: 'owner 52331987', field: 'firstName', problem: 'missing' }],
    });
  });

  it('takes the address for an owner HubSpot has no name for', async () => {
    server.use(
      http.get(`${BASE}/crm/v3/owners/:id`, () =>
        HttpResponse.json({ ...fx('owner-52331987'), firstName: null, lastName: '', email: 'queue@brightwave.example' }),
      ),
    );
    expect((await createOwnerNames(call, memoryLabelCache())('52331987')).name).toBe('queue@brightwave.example');
  });
});

describe('HubSpot contact owner', () => {
  function contact(ownerId: string | undefined) {
    const maya = fx('contact-maya') as { properties: Record<string, unknown> };
    if (ownerId === undefined) delete maya.properties.hubspot_owner_id;
    else maya.properties.hubspot_owner_id = ownerId;
    server.use(
      http.get(`${BASE}/crm/v3/objects/contacts/:email`, () => HttpResponse.json(maya)),
      http.get(`${BASE}/crm/v3/properties/contacts/:name`, ({ params }) =>
        HttpResponse.json(fx(`property-${String(params.name).replace(/_/g, '-')}`)),
      ),
      http.get(`${BASE}/email/public/v1/events`, () => HttpResponse.json({ ...fx('email-events-page-2'), hasMore: false })),
      http.get(`${BASE}/email/public/v1/campaigns/:id`, ({ params }) => HttpResponse.json(fx(`email-campaign-${String(params.id)}`))),
      http.get(`${BASE}/contacts/v1/contact/email/:email/profile`, () => HttpResponse.json(fx('contact-profile-no-forms'))),
    );
  }
  const fetchMaya = () => createHubspotConnector({ token: async () => 'pat-na1-test', policy }).fetchContact!(MAYA);

  it('shows an owner the app may not name as unknown, naming the scope, and still shows the contact', async () => {
    contact('52331987');
    owners(true);
    const bundle = await fetchMaya();
    expect(bundle?.contact.name).toBe('Maya Okafor');
    expect(bundle?.contact.owner).toBeUndefined();
    expect(bundle?.contact.unknownFields).toContain('owner');
    expect(bundle?.issues).toContainEqual({ vendor: 'HubSpot', object: 'owners', field: 'crm.objects.owners.read', problem: 'no_scope' });
  });

  it('asks nothing for a contact nobody owns, whose owner is simply absent', async () => {
    contact(undefined);
    owners();
    const bundle = await fetchMaya();
    expect(asked).toHaveLength(0);
    expect(bundle?.contact.owner).toBeUndefined();
    expect(bundle?.contact.unknownFields ?? []).not.toContain('owner');
  });

  it('never puts an owner id HubSpot could not have sent into a request path', async () => {
    contact('52331987/../../objects/contacts');
    owners();
    const bundle = await fetchMaya();
    expect(asked).toHaveLength(0);
    expect(bundle?.contact.unknownFields).toContain('owner');
    expect(bundle?.issues).toContainEqual({
      vendor: 'HubSpot',
      object: 'contact',
      field: 'properties.hubspot_owner_id',
      problem: 'unreadable',
    });
  });
});

// A failing owners API fails the contact's refresh, as a failing contact read does: the contact
// keeps its cached owner and the refresh goes through the contact's backoff (crm-call-budget.test.ts).
// What one lookup may spend: one call for a rejected token, one wait for a rate limit, three backoffs otherwise.
describe.each([
  ['a rejected token (401)', () => HttpResponse.json(fx('error-401-expired-authentication'), { status: 401 }), 1],
  ['a rate limit (429)', () => HttpResponse.json(fx('error-429-ten-secondly-rolling'), { status: 429 }), 2],
  ['a server error (500)', () => HttpResponse.json(fx('error-500-internal'), { status: 500 }), 4],
  ['no network', () => HttpResponse.error(), 4],
])('HubSpot owners answering with %s', (_failure, answer, budget) => {
  it('fail the lookup rather than name nobody, within the calls one lookup may make', async () => {
    server.use(http.get(`${BASE}/crm/v3/owners/:id`, answer));
    const names = createOwnerNames(call, memoryLabelCache());
    await expect(names('52331987')).rejects.toBeInstanceOf(ConnectorError);
    expect(asked).toHaveLength(budget);
  });
});
