import { http, HttpResponse } from 'msw';
import { readFixtureJson } from './fixtures';

type Fault = 'server' | 'rate' | 'expired' | 'drop-after-write' | 'hang-after-write' | 'offline';

/**
 * An msw HubSpot that remembers the notes it was sent and answers note searches
 * from them, with responses shaped like HubSpot's documented ones. Faults are
 * queued per request and applied in order, so a test can script an outage.
 */
export function fakeHubspot(validToken = 'pat-na1-valid-token') {
  const notes: { id: string; body: string; contactId: string }[] = [];
  const faults: Fault[] = [];
  const error = (name: string) => readFixtureJson<object>(`http/hubspot/${name}.json`);
  const contact = readFixtureJson<{ id: string }>('http/hubspot/contact-maya-email-only.json');

  const guard = (request: Request, isWrite = false): Response | null => {
    if (request.headers.get('authorization') !== `Bearer ${validToken}`)
      return HttpResponse.json(error('error-401-expired-authentication'), { status: 401 });
    const afterWrite = faults[0] === 'drop-after-write' || faults[0] === 'hang-after-write';
    const fault = afterWrite ? undefined : faults[0];
    if (!fault || (isWrite && afterWrite)) return null;
    faults.shift();
    if (fault === 'offline') return HttpResponse.error();
    if (fault === 'server') return HttpResponse.json(error('error-500-internal'), { status: 500 });
    if (fault === 'rate') return HttpResponse.json(error('error-429-ten-secondly-rolling'), { status: 429 });
    return HttpResponse.json(error('error-401-expired-authentication'), { status: 401 });
  };

  const handlers = [
    http.get('https://api.hubapi.com/crm/v3/objects/contacts/:email', ({ request }) => guard(request) ?? HttpResponse.json(contact)),
    http.post('https://api.hubapi.com/crm/v3/objects/notes/search', async ({ request }) => {
      const denied = guard(request);
      if (denied) return denied;
      const body = (await request.json()) as { filterGroups: { filters: { propertyName: string; value: string }[] }[] };
      const token = body.filterGroups[0]?.filters.find((f) => f.propertyName === 'hs_note_body')?.value ?? '';
      const found = notes.filter((n) => n.body.includes(token));
      return HttpResponse.json({
        total: found.length,
        results: found.map((n) => ({
          id: n.id,
          properties: { hs_note_body: n.body, hs_object_id: n.id },
          createdAt: '2026-11-20T10:00:00.000Z',
          updatedAt: '2026-11-20T10:00:00.000Z',
          archived: false,
        })),
      });
    }),
    http.post('https://api.hubapi.com/crm/v3/objects/notes', async ({ request }) => {
      const denied = guard(request, true);
      if (denied) return denied;
      const body = (await request.json()) as { properties: { hs_note_body: string }; associations: { to: { id: string } }[] };
      const id = String(90_000 + notes.length + 1);
      notes.push({ id, body: body.properties.hs_note_body, contactId: body.associations[0]?.to.id ?? '' });
      // The note is written, but the answer never reaches the browser.
      if (faults[0] === 'drop-after-write') {
        faults.shift();
        return HttpResponse.error();
      }
      // The worker is stopped while waiting: this answer never comes.
      if (faults[0] === 'hang-after-write') {
        faults.shift();
        return new Promise<never>(() => {});
      }
      return HttpResponse.json(
        {
          id,
          properties: { hs_note_body: body.properties.hs_note_body, hs_object_id: id },
          createdAt: '2026-11-20T10:00:00.000Z',
          updatedAt: '2026-11-20T10:00:00.000Z',
          archived: false,
        },
        { status: 201 },
      );
    }),
  ];
  return { handlers, notes, faults };
}
