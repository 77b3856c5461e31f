import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactBundle } from '@/lib/connectors/connector';
import { describeIssue } from '@/lib/connectors/field-reader';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { createHubspotConnector } from '@/lib/connectors/hubspot/hubspot-connector';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { readFixtureJson } from '../support/fixtures';

type Expected = { contact: Record<string, unknown>; touches: unknown[][]; issues: string[] };
const hub = (name: string) => readFixtureJson<JsonBodyType>(`http/hubspot/${name}.json`);
const sf = (name: string) => readFixtureJson<JsonBodyType>(`http/salesforce/${name}.json`);
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The parts a rep sees, in the order the expected files list them; unknown fields as a set. */
function seen(bundle: ContactBundle | null | undefined) {
  const { unknownFields, ...contact } = bundle?.contact ?? { email: '' };
  return {
    contact: unknownFields ? { ...contact, unknownFields: [...unknownFields].sort() } : contact,
    // A status the source did not give is absent (null here, as JSON writes it), never made up.
    touches: (bundle?.touches ?? []).map((t) => [
      t.id,
      t.campaignId,
      t.assetName,
      t.assetType,
      t.date,
      t.responseStatus ?? null,
      t.responded,
    ]),
    issues: (bundle?.issues ?? []).map(describeIssue).sort(),
  };
}
const sorted = (e: Expected) => ({ ...e, issues: [...e.issues].sort() });

describe('HubSpot partial records', () => {
  const expected = readFixtureJson<Expected & { withoutId: string }>('http/hubspot/partial/expected.json');
  const connector = () =>
    createHubspotConnector({ token: async () => 'pat-na1-test', policy, now: () => new Date('2025-10-01T09:00:00Z') });
  const answer = (contact: string) =>
    server.use(
      http.get('https://api.hubapi.com/crm/v3/objects/contacts/:email', () => HttpResponse.json(hub(contact))),
      http.get('https://api.hubapi.com/crm/v3/properties/contacts/:name', ({ params }) =>
        HttpResponse.json(
          hub(params.name === 'hs_lead_status' ? 'partial/property-hs-lead-status' : `property-${String(params.name).replace(/_/g, '-')}`),
        ),
      ),
      http.get('https://api.hubapi.com/crm/v3/properties/:type/:name', ({ params }) =>
        HttpResponse.json(hub(`property-${String(params.type)}-${String(params.name).replace(/_/g, '-')}`)),
      ),
      http.get('https://api.hubapi.com/email/public/v1/events', () => HttpResponse.json(hub('partial/email-events-page'))),
      http.get('https://api.hubapi.com/contacts/v1/contact/email/:email/profile', () => HttpResponse.json(hub('partial/contact-profile'))),
      http.get('https://api.hubapi.com/email/public/v1/campaigns/:id', ({ params }) =>
        HttpResponse.json(hub(params.id === '3100512' ? 'partial/email-campaign-3100512' : `email-campaign-${String(params.id)}`)),
      ),
      http.post('https://api.hubapi.com/crm/v3/objects/:type/batch/read', ({ params }) =>
        HttpResponse.json(hub(`partial/${String(params.type)}-batch`)),
      ),
      http.get('https://api.hubapi.com/crm/v3/owners/:id', () => HttpResponse.json(hub('owner-52331987'))),
    );

  it('shows the contact with each unreadable property, option, event and campaign left out alone, and lists them', async () => {
    answer('partial/contact');
    const bundle = await connector().fetchContact!('maya.okafor@northwind-logistics.example');
    expect(seen(bundle)).toEqual(sorted({ contact: expected.contact, touches: expected.touches, issues: expected.issues }));
  });

  it('fails only a contact without its id, naming HubSpot, the object and the field', async () => {
    answer('partial/contact-without-id');
    await expect(connector().fetchContact!('maya.okafor@northwind-logistics.example')).rejects.toMatchObject({
      kind: 'invalid_response',
      message: expected.withoutId,
    });
  });
});

describe('Salesforce partial records', () => {
  const expected = readFixtureJson<{ lead: Expected; contact: Expected; withoutId: string }>('http/salesforce/partial/expected.json');
  const session = {
    accessToken: async () => 'token-1',
    instanceUrl: async () => 'https://brightwave.my.salesforce.com',
    refresh: async () => 'x',
  };
  // After every activity in the fixtures, so none is still ahead.
  const connector = () => createSalesforceConnector({ session, policy, now: () => Date.parse('2026-03-20T12:00:00Z') });
  const answer = (answers: { Lead?: string; Contact?: string }) =>
    server.use(
      // The Lead describe has a nameless field and odd picklist entries: each is skipped alone.
      http.get('https://brightwave.my.salesforce.com/services/data/v60.0/sobjects/:object/describe', ({ params }) =>
        HttpResponse.json(sf(params.object === 'Lead' ? 'partial/describe-lead' : `describe-${String(params.object).toLowerCase()}`)),
      ),
      http.get('https://brightwave.my.salesforce.com/services/data/v60.0/query', ({ request }) => {
        const object = /FROM (Lead|Contact) WHERE/.exec(new URL(request.url).searchParams.get('q') ?? '')?.[1] as 'Lead' | 'Contact';
        return HttpResponse.json(sf(answers[object] ?? 'query-empty'));
      }),
    );

  it('shows a Lead with each unreadable field and unplaceable membership left out alone, and lists them', async () => {
    answer({ Lead: 'partial/lead' });
    expect(seen(await connector().fetchContact!('tom.becker@aldermfg.example'))).toEqual(sorted(expected.lead));
  });

  it('lists odd picklist entries of a describe once, from the lookup that read it', async () => {
    answer({ Lead: 'partial/lead' });
    const salesforce = connector();
    await salesforce.fetchContact!('tom.becker@aldermfg.example');
    const again = seen(await salesforce.fetchContact!('tom.becker@aldermfg.example'));
    expect(again.issues).toEqual(sorted(expected.lead).issues.filter((i) => !i.includes('picklist values')));
  });

  it('shows a Contact whose source, employee count and memberships cannot be read', async () => {
    answer({ Contact: 'partial/contact' });
    expect(seen(await connector().fetchContact!('priya.raman@corvidretail.example'))).toEqual(sorted(expected.contact));
  });

  it('fails only a record without its Id, naming Salesforce, the object and the field', async () => {
    answer({ Lead: 'partial/lead-without-id' });
    await expect(connector().fetchContact!('tom.becker@aldermfg.example')).rejects.toMatchObject({
      kind: 'invalid_response',
      message: expected.withoutId,
    });
  });
});
