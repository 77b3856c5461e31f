import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Touch } from '@/lib/domain/campaign';
import type { ConnectorError } from '@/lib/connectors/errors';
import type { CallGate } from '@/lib/connectors/health';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { resolveFirstTouch } from '@/lib/domain/first-touch';
import { readFixtureJson } from '../support/fixtures';

const BASE = 'https://api.hubapi.com';
const MAYA = 'maya.okafor@northwind-logistics.example';
// Wednesday 1 October 2025: after every logged activity in the fixtures, before the quarterly review on the 15th.
const NOW = new Date('2025-10-01T09:00:00Z');
const fx = (name: string) => readFixtureJson<Record<string, unknown>>(`http/hubspot/${name}.json`);

type Seen = { method: string; path: string; query: URLSearchParams; body: unknown };
const seen: Seen[] = [];
const server = setupServer();
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  void request
    .clone()
    .text()
    .then((text) =>
      seen.push({ method: request.method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : null }),
    );
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const batches = () => seen.filter((r) => r.path.endsWith('/batch/read'));

/** Maya as HubSpot answers her, with `contact` as the contact read and the engagement batch reads as given. */
function hubspot(contact: Record<string, unknown> = fx('contact-maya-engagements'), batch: Record<string, () => Response> = {}) {
  server.use(
    http.get(`${BASE}/crm/v3/objects/contacts/:email`, () => HttpResponse.json(contact)),
    http.get(`${BASE}/crm/v3/properties/contacts/:name`, ({ params }) =>
      HttpResponse.json(fx(`property-${String(params.name).replace(/_/g, '-')}`)),
    ),
    http.get(`${BASE}/crm/v3/properties/:type/:name`, ({ params }) =>
      HttpResponse.json(fx(`property-${String(params.type)}-${String(params.name).replace(/_/g, '-')}`)),
    ),
    http.get(`${BASE}/email/public/v1/events`, () => HttpResponse.json({ ...fx('email-events-page-2'), hasMore: false })),
    http.get(`${BASE}/email/public/v1/campaigns/:id`, ({ params }) => HttpResponse.json(fx(`email-campaign-${String(params.id)}`))),
    http.get(`${BASE}/contacts/v1/contact/email/:email/profile`, () => HttpResponse.json(fx('contact-profile-no-forms'))),
    http.get(`${BASE}/crm/v3/owners/:id`, () => HttpResponse.json(fx('owner-52331987'))),
    http.post(`${BASE}/crm/v3/objects/:type/batch/read`, ({ params }) => {
      const type = String(params.type);
      return batch[type]?.() ?? HttpResponse.json(fx(`${type}-batch-maya`));
    }),
  );
}

/** Every outcome the connection's health gate was told of. */
function recordingGate(outcomes: (ConnectorError | null)[]): CallGate {
  return { admit: async () => async (outcome) => void outcomes.push(outcome), check: async () => null };
}

function connector(gate?: CallGate) {
  const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
  return createHubspotConnector({ token: async () => 'pat-na1-test', policy, now: () => NOW, ...(gate ? { gate } : {}) });
}
const salesActivity = (touches: Touch[] | undefined) => touches?.filter((t) => t.campaignId === 'sales-activity');

describe('HubSpot sales activity', () => {
  it('reads the calls, meetings and emails sales logged: one batch read per type, the contact read asking for their ids', async () => {
    hubspot();
    const bundle = await connector().fetchContact!(MAYA);
    const contactRead = seen.find((r) => r.path.startsWith('/crm/v3/objects/contacts/'));
    expect(contactRead?.query.get('associations')).toBe('calls,meetings,emails');
    expect(batches().map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/crm/v3/objects/calls/batch/read',
        {
          properties: ['hs_timestamp', 'hs_call_title', 'hs_call_direction', 'hs_call_status', 'hs_activity_type'],
          propertiesWithHistory: [],
          // Each call once, however many association labels join it; newest (highest id) first.
          inputs: [{ id: '48211930507' }, { id: '48211930466' }, { id: '48211930411' }],
        },
      ],
      [
        'POST',
        '/crm/v3/objects/meetings/batch/read',
        expect.objectContaining({
          properties: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_start_time', 'hs_meeting_outcome', 'hs_activity_type'],
          inputs: [{ id: '59120034102' }, { id: '59120033990' }, { id: '59120033871' }],
        }),
      ],
      ['POST', '/crm/v3/objects/emails/batch/read', expect.objectContaining({ inputs: [{ id: '61003450230' }, { id: '61003450117' }] })],
    ]);
    // Not the contact's missed call to sales, her reply, the canceled site visit or the review still ahead; the first
    // engagement is the intro call itself. Each keeps the type the portal gave it (the intro call's "Discovery call",
    // which property-calls-hs-activity-type.json labels "Discovery"), else HubSpot's name for it; statuses read as the
    // portal labels them ("COMPLETED" is "Completed"); a date on the contact comes with no status.
    expect(salesActivity(bundle?.touches)?.map((t) => [t.id, t.assetType, t.assetCategory, t.assetName, t.date, t.responseStatus])).toEqual(
      [
        ['hubspot-meeting-59120033871', 'Meeting', 'meeting', 'Pilot scoping meeting', '2025-09-26T13:00:00.000Z', 'Completed'],
        ['hubspot-last-contacted-101', 'Last contacted', 'last_activity', 'Last contacted', '2025-09-26T13:00:00.000Z', undefined],
        ['hubspot-call-48211930507', 'Call', 'call', 'Follow-up: pilot scope', '2025-09-24T10:02:00.000Z', 'Completed'],
        [
          'hubspot-email-61003450117',
          'Email',
          'sales_email',
          'Peak season planning – notes from our call',
          '2025-09-19T14:05:00.000Z',
          'Sent',
        ],
        ['hubspot-call-48211930411', 'Discovery', 'call', 'Intro call – peak season planning', '2025-09-19T08:30:00.000Z', 'Completed'],
      ],
    );
    expect(bundle?.issues).toBeUndefined();
  });

  it('counts only calls that were placed and emails that were sent: not queued, ringing, failed or canceled ones', async () => {
    hubspot(undefined, {
      calls: () => HttpResponse.json(fx('calls-batch-not-placed')),
      emails: () => HttpResponse.json(fx('emails-batch-not-sent')),
    });
    const bundle = await connector().fetchContact!(MAYA);
    const callsAndEmails = salesActivity(bundle?.touches)?.filter((t) => t.assetCategory === 'call' || t.assetCategory === 'sales_email');
    // A call without a status still counts (older engagements have none); a bounced email was sent, as a busy line was dialled.
    expect(callsAndEmails?.map((t) => [t.id, t.date, t.responseStatus])).toEqual([
      ['hubspot-call-48211930626', '2025-09-18T17:45:00.000Z', undefined],
      ['hubspot-email-61003450304', '2025-09-18T17:40:00.000Z', 'Bounced'],
      ['hubspot-call-48211930625', '2025-09-18T17:30:00.000Z', 'No answer'],
      ['hubspot-call-48211930624', '2025-09-18T17:20:00.000Z', 'Busy'],
    ]);
    // Maya was handed off at 16:45 (contact-maya-engagements.json): the queued call at 17:00 and the failed email at 17:10 are no first touch.
    expect(resolveFirstTouch({ handoffAt: '2025-09-18T16:45:00.000Z' }, { touches: bundle?.touches ?? [] })).toMatchObject({
      via: 'logged',
      at: '2025-09-18T17:20:00.000Z',
    });
  });

  it('adds at most three calls to a lookup once the labels are read, and none for a contact nobody has engaged', async () => {
    const hub = connector();
    hubspot();
    await hub.fetchContact!(MAYA);
    // The definitions of the shown properties that have values, read once (then kept for a day).
    expect(seen.filter((r) => /^\/crm\/v3\/properties\/(calls|meetings|emails)\//.test(r.path)).map((r) => r.path)).toEqual([
      '/crm/v3/properties/calls/hs_activity_type',
      '/crm/v3/properties/calls/hs_call_status',
      '/crm/v3/properties/meetings/hs_meeting_outcome',
      '/crm/v3/properties/emails/hs_email_status',
    ]);
    seen.length = 0;
    hubspot(fx('contact-maya'));
    await hub.fetchContact!(MAYA);
    const without = seen.length;
    expect(batches()).toEqual([]);
    seen.length = 0;
    hubspot();
    await hub.fetchContact!(MAYA);
    expect(seen.length - without).toBe(3);
  });

  it('shows statuses as HubSpot stores them when the app may not read property definitions', async () => {
    hubspot();
    server.use(http.get(`${BASE}/crm/v3/properties/:type/:name`, () => HttpResponse.json(fx('error-403-missing-scopes'), { status: 403 })));
    const bundle = await connector().fetchContact!(MAYA);
    const intro = bundle?.touches.find((t) => t.id === 'hubspot-call-48211930411');
    expect([intro?.assetType, intro?.responseStatus]).toEqual(['Discovery call', 'COMPLETED']);
  });

  it('reads at most the newest 100 of a type', async () => {
    const many = fx('contact-maya-engagements') as { associations: Record<string, unknown> };
    const ids = Array.from({ length: 150 }, (_, i) => String(48211930000 + i));
    many.associations = { calls: { results: ids.map((id) => ({ id, type: 'contact_to_call' })) } };
    hubspot(many);
    await connector().fetchContact!(MAYA);
    const inputs = (batches()[0]?.body as { inputs: { id: string }[] }).inputs;
    expect(inputs).toHaveLength(100);
    expect([inputs[0]?.id, inputs[99]?.id]).toEqual(['48211930149', '48211930050']);
  });

  it('still shows the rest when the app may not read emails, names the scope, and keeps the connection going', async () => {
    hubspot(undefined, { emails: () => HttpResponse.json(fx('error-403-missing-scopes-sales-email-read'), { status: 403 }) });
    const outcomes: (ConnectorError | null)[] = [];
    const bundle = await connector(recordingGate(outcomes)).fetchContact!(MAYA);
    expect(salesActivity(bundle?.touches)?.map((t) => t.assetCategory)).toEqual(['meeting', 'last_activity', 'call', 'call']);
    expect(bundle?.issues).toEqual([{ vendor: 'HubSpot', object: 'emails', field: 'sales-email-read', problem: 'no_scope' }]);
    expect(outcomes.every((o) => o === null)).toBe(true);
  });

  it('reads the contact again without engagement ids when HubSpot refuses them over a scope the contact read does not need', async () => {
    hubspot();
    server.use(
      http.get(`${BASE}/crm/v3/objects/contacts/:email`, ({ request }) =>
        new URL(request.url).searchParams.has('associations')
          ? HttpResponse.json(fx('error-403-missing-scopes-sales-email-read'), { status: 403 })
          : HttpResponse.json(fx('contact-maya-engagements')),
      ),
    );
    const outcomes: (ConnectorError | null)[] = [];
    const bundle = await connector(recordingGate(outcomes)).fetchContact!(MAYA);
    expect(seen.filter((r) => r.path.startsWith('/crm/v3/objects/contacts/')).map((r) => r.query.has('associations'))).toEqual([
      true,
      false,
    ]);
    expect(bundle?.contact.name).toBe('Maya Okafor');
    expect(bundle?.issues).toEqual([{ vendor: 'HubSpot', object: 'contact associations', field: 'sales-email-read', problem: 'no_scope' }]);
    expect(outcomes.every((o) => o === null)).toBe(true);
  });

  it('counts the first-engagement date when no engagement read has its time', async () => {
    const maya = fx('contact-maya-engagements') as { associations?: unknown };
    delete maya.associations;
    hubspot(maya);
    const bundle = await connector().fetchContact!(MAYA);
    expect(salesActivity(bundle?.touches)?.map((t) => [t.assetType, t.assetCategory, t.assetName, t.date])).toEqual([
      ['Last contacted', 'last_activity', 'Last contacted', '2025-09-26T13:00:00.000Z'],
      ['First engagement', 'sales_activity', 'First engagement', '2025-09-19T08:30:00.000Z'],
    ]);
  });
});
