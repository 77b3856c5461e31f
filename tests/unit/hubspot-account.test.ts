import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/connectors/http';
import { verifyHubspotToken } from '@/lib/connectors/hubspot/hubspot-account';
import { readFixtureJson } from '../support/fixtures';

const DETAILS = 'https://api.hubapi.com/account-info/v3/details';
const details = () => readFixtureJson<Record<string, unknown>>('http/hubspot/account-info-details.json');
const policy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const answer = (body: unknown, status = 200) => server.use(http.get(DETAILS, () => HttpResponse.json(body as object, { status })));

describe('checking a HubSpot token', () => {
  it('reads the portal, its time zone and its domain from the account details', async () => {
    answer(details());
    expect(await verifyHubspotToken('pat-na1-good', { policy })).toMatchObject({
      portalId: 123456,
      timeZone: 'US/Eastern',
      uiDomain: 'app.hubspot.com',
    });
  });

  it('accepts a token whose account details lack or garble everything but the portal', async () => {
    const { timeZone: _t, ...withoutZone } = details();
    answer({ ...withoutZone, uiDomain: 42, accountType: ['STANDARD'] });
    const account = await verifyHubspotToken('pat-na1-good', { policy });
    expect(account.portalId).toBe(123456);
    expect(account.timeZone).toBeUndefined();
    expect(account.uiDomain).toBeUndefined();
  });

  it('refuses an answer without the portal, naming HubSpot, the object and the field', async () => {
    const { portalId: _p, ...withoutPortal } = details();
    answer(withoutPortal);
    await expect(verifyHubspotToken('pat-na1-good', { policy })).rejects.toMatchObject({
      kind: 'invalid_response',
      message: expect.stringMatching(/^HubSpot account details\.portalId is missing/),
    });
  });

  it('says a refused token was refused', async () => {
    answer(readFixtureJson('http/hubspot/error-401-expired-authentication.json'), 401);
    await expect(verifyHubspotToken('pat-na1-revoked', { policy })).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/HubSpot did not accept the access token/),
    });
  });
});
