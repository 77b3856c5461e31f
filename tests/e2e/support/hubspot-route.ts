import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

const dir = resolve(import.meta.dirname, '../../fixtures/http/hubspot');
const fixture = (name: string) => readFileSync(resolve(dir, `${name}.json`), 'utf8');

/**
 * HubSpot's API served to the extension through Playwright routing, with its
 * documented response shapes. It keeps the notes it receives, answers note
 * searches from them, can hold a note write's answer (to stop the worker mid-send),
 * can refuse the token, counting the calls it still receives, names Maya's owner,
 * and can give Maya the calls, meetings and emails sales logged (`engagements`).
 */
export async function routeHubspot(context: BrowserContext) {
  const notes: { id: string; body: string }[] = [];
  // refuseToken: every CRM call answers 401 as for a revoked token (the token check still passes).
  const state = { holdNoteAnswer: false, noteWrites: 0, refuseToken: false, crmCalls: 0, contactPatches: 0, engagements: false };
  /** The portal's contact properties (Leadlight's group once created) and Maya's values of them. */
  const schema = { group: false, properties: new Set<string>() };
  const maya: Record<string, string> = {};
  // The extension calls from its own origin; an optional host grant cannot be clicked in a test, so answer CORS.
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, accept',
    'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
  };
  const json = (route: Route, body: string, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', headers: cors, body });
  await context.route('https://api.hubapi.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (url.pathname === '/account-info/v3/details') return json(route, fixture('account-info-details'));
    state.crmCalls += 1;
    if (state.refuseToken) return json(route, fixture('error-401-expired-authentication'), 401);
    if (url.pathname.startsWith('/contacts/v1/contact/email/')) return json(route, fixture('contact-profile-no-forms'));
    if (url.pathname === '/crm/v3/properties/contacts/batch/read') {
      const names = (request.postDataJSON() as { inputs: { name: string }[] }).inputs.map((i) => i.name);
      const results = names.filter((n) => schema.properties.has(n)).map((name) => ({ ...propertyShape, name, groupName: 'leadlight' }));
      return json(route, JSON.stringify({ status: 'COMPLETE', results, startedAt: NOW, completedAt: NOW }));
    }
    if (url.pathname === '/crm/v3/properties/contacts/groups' && request.method() === 'POST') {
      if (schema.group) return json(route, JSON.stringify({ status: 'error', message: 'Group exists', category: 'CONFLICT' }), 409);
      schema.group = true;
      return json(route, fixture('property-group-created'), 201);
    }
    if (url.pathname === '/crm/v3/properties/contacts/batch/create') {
      const inputs = (request.postDataJSON() as { inputs: { name: string }[] }).inputs;
      for (const i of inputs) schema.properties.add(i.name);
      const results = inputs.map((i) => ({ ...propertyShape, ...i }));
      return json(route, JSON.stringify({ status: 'COMPLETE', results, startedAt: NOW, completedAt: NOW }), 201);
    }
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      const contact = JSON.parse(fixture('contact-patched')) as { properties: Record<string, string> };
      const results: { properties: Record<string, string> }[] = maya.leadlight_last_verdict
        ? [{ ...contact, properties: { ...contact.properties, email: 'maya.okafor@northwind-logistics.example', ...maya } }]
        : [];
      const after = Number(
        (
          request.postDataJSON() as { filterGroups: { filters: { propertyName: string; value: string }[] }[] }
        ).filterGroups[0]?.filters.find((f) => f.propertyName === 'hs_object_id')?.value ?? 0,
      );
      const page = results.filter((r) => Number(r.properties.hs_object_id) > after);
      return json(route, JSON.stringify({ total: page.length, results: page }));
    }
    if (url.pathname.startsWith('/crm/v3/objects/contacts/') && request.method() === 'PATCH') {
      state.contactPatches += 1;
      const properties = (request.postDataJSON() as { properties: Record<string, string> }).properties;
      const unknown = Object.keys(properties).find((p) => p.startsWith('leadlight_') && !schema.properties.has(p));
      if (unknown)
        return json(
          route,
          JSON.stringify({ status: 'error', message: `Property "${unknown}" does not exist`, category: 'VALIDATION_ERROR' }),
          400,
        );
      Object.assign(maya, properties);
      const contact = JSON.parse(fixture('contact-patched')) as { properties: Record<string, string> };
      return json(route, JSON.stringify({ ...contact, properties: { ...contact.properties, ...maya } }));
    }
    if (url.pathname.startsWith('/crm/v3/objects/contacts/'))
      return json(route, fixture(state.engagements && url.searchParams.has('associations') ? 'contact-maya-engagements' : 'contact-maya'));
    const batch = /^\/crm\/v3\/objects\/(calls|meetings|emails)\/batch\/read$/.exec(url.pathname)?.[1];
    if (batch && state.engagements) return json(route, fixture(`${batch}-batch-maya`));
    if (url.pathname.startsWith('/crm/v3/properties/contacts/')) {
      const name = url.pathname.split('/').pop() ?? '';
      return json(route, fixture(`property-${name.replace(/_/g, '-')}`));
    }
    // The engagement enumerations' definitions: their option labels ("NO_ANSWER" is "No answer").
    const engagementProperty = /^\/crm\/v3\/properties\/(calls|meetings|emails)\/([a-z_]+)$/.exec(url.pathname);
    if (engagementProperty) return json(route, fixture(`property-${engagementProperty[1]}-${engagementProperty[2]!.replace(/_/g, '-')}`));
    if (url.pathname === '/email/public/v1/events')
      return json(route, JSON.stringify({ ...JSON.parse(fixture('email-events-page-2')), hasMore: false }));
    if (url.pathname.startsWith('/email/public/v1/campaigns/')) return json(route, fixture('email-campaign-3100201'));
    // Maya's owner (hubspot_owner_id 52331987 in contact-maya.json); any other owner id is one HubSpot does not know.
    if (url.pathname === '/crm/v3/owners/52331987') return json(route, fixture('owner-52331987'));
    if (url.pathname === '/crm/v3/objects/notes/search') {
      const filters = (
        request.postDataJSON() as { filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[] }
      ).filterGroups[0]?.filters;
      const token = filters?.find((f) => f.propertyName === 'hs_note_body')?.value;
      // The team report pages by id (hs_object_id GT the last one seen).
      const after = Number(filters?.find((f) => f.propertyName === 'hs_object_id' && f.operator === 'GT')?.value ?? 0);
      const found = notes.filter((n) => token && n.body.includes(token) && Number(n.id) > after);
      return json(
        route,
        JSON.stringify({
          total: found.length,
          results: found.map((n) => ({
            id: n.id,
            properties: { hs_note_body: n.body },
            createdAt: '2026-11-26T10:00:00.000Z',
            updatedAt: '2026-11-26T10:00:00.000Z',
            archived: false,
          })),
        }),
      );
    }
    if (url.pathname === '/crm/v3/objects/notes' && request.method() === 'POST') {
      state.noteWrites += 1;
      const id = String(90_000 + notes.length + 1);
      const body = (request.postDataJSON() as { properties: { hs_note_body: string } }).properties.hs_note_body;
      notes.push({ id, body });
      // HubSpot wrote the note; this answer never arrives (the worker is stopped meanwhile).
      if (state.holdNoteAnswer) return;
      return json(
        route,
        JSON.stringify({
          id,
          properties: { hs_note_body: body },
          createdAt: '2026-11-26T10:00:00.000Z',
          updatedAt: '2026-11-26T10:00:00.000Z',
          archived: false,
        }),
        201,
      );
    }
    return json(route, fixture('error-404-object-not-found'), 404);
  });
  return { notes, state, schema, maya };
}

const NOW = '2026-11-26T10:00:00.000Z';
/** The fields HubSpot answers for every property, beside those the request gave. */
const propertyShape = {
  createdAt: NOW,
  updatedAt: NOW,
  type: 'string',
  fieldType: 'text',
  displayOrder: -1,
  calculated: false,
  externalOptions: false,
  archived: false,
  hasUniqueValue: false,
  hidden: false,
  formField: false,
  options: [],
  modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
};
