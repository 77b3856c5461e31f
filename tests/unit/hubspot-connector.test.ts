import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { readFixtureJson } from '../support/fixtures';

const BASE = 'https://api.hubapi.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
const CONTACT_PATH = `/crm/v3/objects/contacts/${MAYA}`;

const fx = (name: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${name}.json`);

type Seen = { method: string; path: string; rawPath: string; query: URLSearchParams; auth: string | null };
const seen: Seen[] = [];
const server = setupServer();
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  seen.push({
    method: request.method,
    path: decodeURIComponent(url.pathname),
    rawPath: url.pathname,
    query: url.searchParams,
    auth: request.headers.get('authorization'),
  });
});
const calls = (path: string) => seen.filter((r) => r.path === path);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

function setup(overrides: { token?: () => Promise<string>; now?: () => Date } = {}) {
  const sleep = vi.fn(async (_ms: number) => {});
  const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep, random: () => 0.5 };
  const token = vi.fn(overrides.token ?? (async () => 'pat-na1-test'));
  const connector = createHubspotConnector({ token, policy, ...(overrides.now ? { now: overrides.now } : {}) });
  return { connector, sleep, token, fetchContact: (email = MAYA) => connector.fetchContact!(email) };
}

/** The whole read path answering as HubSpot does for Maya; `contact` swaps the first call's answer. */
function hubspot(contact?: Parameters<typeof http.get>[1]) {
  server.use(
    http.get(
      `${BASE}/crm/v3/objects/contacts/:email`,
      contact ??
        (({ params }) =>
          params.email === MAYA
            ? HttpResponse.json(fx('contact-maya'))
            : HttpResponse.json(fx('error-404-object-not-found'), { status: 404 })),
    ),
    http.get(`${BASE}/crm/v3/properties/contacts/:name`, ({ params }) =>
      HttpResponse.json(fx(`property-${String(params.name).replace(/_/g, '-')}`)),
    ),
    http.get(`${BASE}/email/public/v1/events`, ({ request }) =>
      HttpResponse.json(fx(new URL(request.url).searchParams.get('offset') ? 'email-events-page-2' : 'email-events-page-1')),
    ),
    http.get(`${BASE}/email/public/v1/campaigns/:id`, ({ params }) => HttpResponse.json(fx(`email-campaign-${String(params.id)}`))),
    http.get(`${BASE}/contacts/v1/contact/email/:email/profile`, () => HttpResponse.json(fx('contact-profile-no-forms'))),
    http.get(`${BASE}/crm/v3/owners/:id`, ({ params }) =>
      params.id === '52331987'
        ? HttpResponse.json(fx('owner-52331987'))
        : HttpResponse.json(fx('error-404-object-not-found'), { status: 404 }),
    ),
  );
}

const expectError = async (promise: Promise<unknown>, kind: ConnectorError['kind']) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).kind).toBe(kind);
  return error as ConnectorError;
};

describe('HubSpot fetchContact', () => {
  it('reads the contact by email with its properties and source history, as a Bearer token', async () => {
    hubspot();
    await setup().fetchContact();
    const [request] = calls(CONTACT_PATH);
    expect(request?.method).toBe('GET');
    expect(request?.rawPath).toBe(CONTACT_PATH); // `@` unencoded, as HubSpot's id lookup wants it
    expect(request?.auth).toBe('Bearer pat-na1-test');
    expect(request?.query.get('idProperty')).toBe('email');
    expect(request?.query.get('propertiesWithHistory')).toBe(
      'hs_analytics_source,hs_latest_source,lifecyclestage,recent_conversion_event_name',
    );
    expect(request?.query.get('properties')?.split(',')).toEqual(
      expect.arrayContaining([
        'firstname',
        'lastname',
        'jobtitle',
        'industry',
        'numemployees',
        'hs_seniority',
        'hs_persona',
        'lifecyclestage',
        'hs_lead_status',
        'hubspotscore',
        'hubspot_owner_id',
        'hs_analytics_source_data_2',
        'hs_latest_source_timestamp',
        'createdate',
        'hs_lifecyclestage_marketingqualifiedlead_date',
      ]),
    );
  });

  it('maps sources, dates, lifecycle and picklist labels into a Leadlight contact', async () => {
    hubspot();
    const bundle = await setup().fetchContact();
    expect(bundle?.contact).toEqual({
      email: MAYA,
      name: 'Maya Okafor',
      title: 'VP Operations',
      company: 'Northwind Logistics',
      industry: 'Logistics and Supply Chain',
      companySize: 1000,
      seniority: 'vp',
      department: 'operations',
      lifecycleStage: 'mql',
      leadStatus: 'Attempted to Contact',
      score: 78,
      // hubspot_owner_id 52331987, named by the owners API (owner-52331987.json).
      owner: 'Alex Rivera',
      handoffAt: '2025-09-18T16:45:00.000Z',
      // Sources as the portal labels them (property-hs-analytics-source.json), grouped by HubSpot's internal value.
      // Dated by the oldest history entry (the first conversion), not the newer re-computation.
      originalSource: {
        channel: 'Paid Social',
        category: 'paid_social',
        detail: 'LinkedIn / peak-season-ops-leaders',
        date: '2025-08-05T14:12:48.000Z',
      },
      latestSource: {
        channel: 'Email Marketing',
        category: 'email',
        detail: 'Peak season readiness webinar – invite',
        date: '2025-09-30T07:04:11.530Z',
      },
    });
  });

  it('shows a custom lifecycle stage by the portal’s label, reading its options only then', async () => {
    const maya = fx('contact-maya') as { properties: Record<string, unknown> };
    hubspot();
    expect(calls('/crm/v3/properties/contacts/lifecyclestage')).toHaveLength(0);
    await setup().fetchContact();
    // A standard stage ('marketingqualifiedlead') is Leadlight's own key: no definition is read for it.
    expect(calls('/crm/v3/properties/contacts/lifecyclestage')).toHaveLength(0);
    maya.properties.lifecyclestage = '1054354827';
    hubspot(() => HttpResponse.json(maya));
    expect((await setup().fetchContact())?.contact.lifecycleStage).toBe('Partner Referred');
    expect(calls('/crm/v3/properties/contacts/lifecyclestage')).toHaveLength(1);
  });

  it('shows a custom lifecycle stage whose label cannot be read as a custom stage, never its id, which diagnostics keep', async () => {
    const maya = fx('contact-maya') as { properties: Record<string, unknown> };
    maya.properties.lifecyclestage = '1054354827';
    hubspot(() => HttpResponse.json(maya));
    server.use(
      http.get(`${BASE}/crm/v3/properties/contacts/lifecyclestage`, () =>
        HttpResponse.json(fx('error-403-missing-scopes'), { status: 403 }),
      ),
    );
    const bundle = await setup().fetchContact();
    expect(bundle?.contact.lifecycleStage).toBe('Custom stage');
    expect(bundle?.issues).toContainEqual({
      vendor: 'HubSpot',
      object: 'contact',
      field: 'properties.lifecyclestage label for 1054354827',
      problem: 'unreadable',
    });
  });

  it('shows a contact whose first and last names are each as long as HubSpot allows, cut short', async () => {
    const maya = fx('contact-maya') as { properties: Record<string, unknown> };
    maya.properties.firstname = 'M'.repeat(250);
    maya.properties.lastname = 'O'.repeat(250);
    hubspot(() => HttpResponse.json(maya));
    const name = (await setup().fetchContact())?.contact.name;
    expect(name).toHaveLength(300);
    expect(name?.startsWith('MMM')).toBe(true);
  });

  it('dates the original source by the object’s createdAt when neither history nor createdate does', async () => {
    const maya = fx('contact-maya') as { properties: Record<string, unknown>; propertiesWithHistory: Record<string, unknown> };
    delete maya.properties.createdate;
    delete maya.propertiesWithHistory.hs_analytics_source;
    hubspot(() => HttpResponse.json(maya));
    expect((await setup().fetchContact())?.contact.originalSource?.date).toBe('2025-08-05T14:13:02.118Z');
  });

  it('turns form submissions and conversion history into touches named by the asset taken, each conversion once', async () => {
    hubspot(() => HttpResponse.json(fx('contact-maya-conversions')));
    server.use(http.get(`${BASE}/contacts/v1/contact/email/:email/profile`, () => HttpResponse.json(fx('contact-profile-maya'))));
    const bundle = await setup().fetchContact();
    const profile = seen.find((r) => r.path.endsWith('/profile'));
    expect(profile?.rawPath).toBe(`/contacts/v1/contact/email/${MAYA}/profile`);
    expect(profile?.query.get('formSubmissionMode')).toBe('all');
    const conversions = bundle?.touches.filter((t) => t.assetType !== 'email');
    expect(conversions?.map((t) => [t.assetName, t.assetType, t.assetCategory, t.date, t.responseStatus])).toEqual([
      ['Route planning webinar – register', 'Form submission', 'webinar', '2025-09-23T09:40:00.000Z', 'Submitted'],
      // Not a form: HubSpot records it as a conversation, so it is no kind Leadlight guesses.
      ['Chat: talk to logistics expert', 'Conversion', 'other', '2025-09-10T13:22:05.000Z', 'Converted'],
      ['Peak Season Playbook (eBook)', 'Form submission', 'ebook', '2025-08-05T14:12:48.000Z', 'Submitted'],
    ]);
    expect(bundle?.campaigns.filter((c) => c.type !== 'Marketing email').map((c) => [c.name, c.type])).toEqual([
      ['Download: Peak Season Playbook', 'Form'],
      ['Webinar registration', 'Form'],
      ['Chat: talk to logistics expert', 'Conversion'],
    ]);
  });

  it('still shows the contact when the app may not read form submissions', async () => {
    hubspot();
    server.use(
      http.get(`${BASE}/contacts/v1/contact/email/:email/profile`, () =>
        HttpResponse.json(fx('error-403-missing-scopes'), { status: 403 }),
      ),
    );
    const bundle = await setup().fetchContact();
    expect(bundle?.contact.email).toBe(MAYA);
    expect(bundle?.touches.map((t) => t.assetType)).toEqual(['email', 'email', 'email']);
  });

  it('fetches each property definition once per connector', async () => {
    hubspot();
    const { fetchContact } = setup();
    await fetchContact();
    await fetchContact();
    expect(calls('/crm/v3/properties/contacts/industry')).toHaveLength(1);
    expect(calls('/crm/v3/properties/contacts/hs_lead_status')).toHaveLength(1);
    expect(calls(CONTACT_PATH)).toHaveLength(2);
  });

  it('shows raw picklist values when the app may not read property definitions', async () => {
    hubspot();
    server.use(
      http.get(`${BASE}/crm/v3/properties/contacts/:name`, () => HttpResponse.json(fx('error-403-missing-scopes'), { status: 403 })),
    );
    const bundle = await setup().fetchContact();
    expect([bundle?.contact.industry, bundle?.contact.leadStatus]).toEqual(['LOGISTICS_AND_SUPPLY_CHAIN', 'ATTEMPTED_TO_CONTACT']);
    // HubSpot's own names for its source values stand in for the portal's labels.
    expect(bundle?.contact.originalSource).toMatchObject({ channel: 'Paid Social', category: 'paid_social' });
  });

  it('builds one touch per email campaign at its strongest response, following event pages', async () => {
    hubspot();
    const bundle = await setup().fetchContact();
    const events = calls('/email/public/v1/events');
    expect(events.map((r) => [r.query.get('recipient'), r.query.get('limit'), r.query.get('offset')])).toEqual([
      [MAYA, '100', null],
      [MAYA, '100', 'Y3JlYXRlZD0xNzU5MjE1NjAwMDAwJmlkPTdmM2MyYTFl'],
    ]);
    expect(bundle?.touches).toEqual([
      {
        id: 'hubspot-email-3100512-101',
        email: MAYA,
        campaignId: 'hubspot-email-3100512',
        assetName: 'Q4 logistics briefing',
        assetType: 'email',
        assetCategory: 'email',
        date: '2025-09-30T07:00:03.000Z',
        responseStatus: 'Delivered',
        responded: false,
      },
      {
        id: 'hubspot-email-3100344-101',
        email: MAYA,
        campaignId: 'hubspot-email-3100344',
        assetName: 'How Fernhill cut empty miles by 18%',
        assetType: 'email',
        assetCategory: 'email',
        date: '2025-09-18T12:02:11.000Z',
        responseStatus: 'Opened',
        responded: true,
      },
      // The CLICK is on page 2 and the first of two clicks dates the touch.
      {
        id: 'hubspot-email-3100201-101',
        email: MAYA,
        campaignId: 'hubspot-email-3100201',
        assetName: 'Is your network ready for peak season?',
        assetType: 'email',
        assetCategory: 'email',
        date: '2025-09-02T09:15:02.000Z',
        responseStatus: 'Clicked',
        responded: true,
      },
    ]);
    // BATCH_EMAIL, AUTOMATED_EMAIL, LEADFLOW_EMAIL are HubSpot's internal kinds of one thing: a marketing email.
    expect(bundle?.campaigns).toEqual([
      {
        id: 'hubspot-email-3100201',
        name: 'Peak season readiness webinar – invite',
        type: 'Marketing email',
        category: 'email',
        status: 'completed',
      },
      {
        id: 'hubspot-email-3100344',
        name: 'Ops nurture #2 – route planning',
        type: 'Marketing email',
        category: 'email',
        status: 'completed',
      },
      { id: 'hubspot-email-3100512', name: 'Q4 logistics briefing', type: 'Marketing email', category: 'email', status: 'completed' },
    ]);
  });

  it('reads each campaign once per connector', async () => {
    hubspot();
    const { fetchContact } = setup();
    await fetchContact();
    await fetchContact();
    for (const id of [3100201, 3100344, 3100512]) expect(calls(`/email/public/v1/campaigns/${id}`)).toHaveLength(1);
  });

  it('answers null for an email HubSpot does not know, without reading events', async () => {
    hubspot();
    expect(await setup().fetchContact('nobody@unknown.example')).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('shows a contact whose properties cannot be read by its address, and names what could not be read', async () => {
    hubspot(() => HttpResponse.json({ id: 101, properties: 'Maya Okafor' }));
    const bundle = await setup().fetchContact();
    expect(bundle?.contact).toEqual({ email: MAYA });
    expect(bundle?.issues).toContainEqual({ vendor: 'HubSpot', object: 'contact', field: 'properties', problem: 'unreadable' });
  });

  it('fails an answer that is not a contact at all, naming HubSpot, the object and the field', async () => {
    hubspot(() => HttpResponse.json({ properties: {} }));
    const error = await expectError(setup().fetchContact(), 'invalid_response');
    expect(error.message).toBe('HubSpot contact.id is missing, so Leadlight cannot use this record.');
  });

  it('names the field when an events page cannot be read, rather than show an empty timeline', async () => {
    hubspot();
    server.use(http.get(`${BASE}/email/public/v1/events`, () => HttpResponse.json({ hasMore: false })));
    const error = await expectError(setup().fetchContact(), 'invalid_response');
    expect(error.message).toBe('HubSpot email events page.events is missing: Leadlight cannot read this answer.');
  });

  it('re-reads the token once after 401 EXPIRED_AUTHENTICATION and, finding the same token, reports auth without asking again', async () => {
    hubspot(() => HttpResponse.json(fx('error-401-expired-authentication'), { status: 401 }));
    const { fetchContact, token } = setup();
    const error = await expectError(fetchContact(), 'auth');
    expect(error.message).toMatch(/private-app token in Leadlight settings/);
    expect(token).toHaveBeenCalledTimes(2);
    expect(calls(CONTACT_PATH)).toHaveLength(1);
  });

  it('uses a token the user just updated after a 401', async () => {
    let stored = 'pat-na1-old';
    hubspot(({ request }) => {
      if (request.headers.get('authorization') === 'Bearer pat-na1-new') return HttpResponse.json(fx('contact-maya'));
      stored = 'pat-na1-new'; // the user pastes a new token while the first call is failing
      return HttpResponse.json(fx('error-401-expired-authentication'), { status: 401 });
    });
    const bundle = await setup({ token: async () => stored }).fetchContact();
    expect(bundle?.contact.name).toBe('Maya Okafor');
    expect(calls(CONTACT_PATH).map((r) => r.auth)).toEqual(['Bearer pat-na1-old', 'Bearer pat-na1-new']);
  });

  it('names the missing scope on 403 MISSING_SCOPES', async () => {
    hubspot(() => HttpResponse.json(fx('error-403-missing-scopes'), { status: 403 }));
    const error = await expectError(setup().fetchContact(), 'scopes');
    expect(error.message).toContain('crm.objects.contacts.read scope');
    expect(calls(CONTACT_PATH)).toHaveLength(1);
  });

  it('fails the lookup with a scopes error when email events cannot be read, rather than show an empty timeline', async () => {
    hubspot();
    server.use(
      http.get(`${BASE}/email/public/v1/events`, () => HttpResponse.json(fx('error-403-missing-scopes-content'), { status: 403 })),
    );
    const error = await expectError(setup().fetchContact(), 'scopes');
    expect(error.message).toContain('the content scope');
  });

  it('waits out 429 TEN_SECONDLY_ROLLING inline and retries', async () => {
    let first = true;
    hubspot(() => {
      if (!first) return HttpResponse.json(fx('contact-maya'));
      first = false;
      return HttpResponse.json(fx('error-429-ten-secondly-rolling'), { status: 429 });
    });
    const { fetchContact, sleep } = setup();
    expect((await fetchContact())?.contact.email).toBe(MAYA);
    expect(sleep).toHaveBeenCalledExactlyOnceWith(10_000);
    expect(calls(CONTACT_PATH)).toHaveLength(2);
  });

  it('fails 429 DAILY at once with the time left until midnight', async () => {
    hubspot(() => HttpResponse.json(fx('error-429-daily'), { status: 429 }));
    const { fetchContact, sleep } = setup({ now: () => new Date(2026, 2, 5, 22, 30, 0) });
    const error = await expectError(fetchContact(), 'rate_limited');
    expect(error.retryAfterMs).toBe(90 * 60_000);
    expect(error.message).toMatch(/daily API limit/);
    expect(sleep).not.toHaveBeenCalled();
    expect(calls(CONTACT_PATH)).toHaveLength(1);
  });

  it('backs off after a 500 and succeeds on the retry', async () => {
    let first = true;
    hubspot(() => {
      if (!first) return HttpResponse.json(fx('contact-maya'));
      first = false;
      return HttpResponse.json(fx('error-500-internal'), { status: 500 });
    });
    const { fetchContact, sleep } = setup();
    expect((await fetchContact())?.contact.name).toBe('Maya Okafor');
    expect(sleep).toHaveBeenCalledExactlyOnceWith(250); // full jitter: 0.5 × 500 ms
  });

  it('reports server after 500s outlast the retries', async () => {
    hubspot(() => HttpResponse.json(fx('error-500-internal'), { status: 500 }));
    const { fetchContact } = setup();
    const error = await expectError(fetchContact(), 'server');
    expect(error.options.detail).toContain('INTERNAL_ERROR');
    expect(calls(CONTACT_PATH)).toHaveLength(1 + DEFAULT_POLICY.maxRetries);
  });
});
