import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { readFixtureJson } from './fixtures';

/** The test org's instance, as a My Domain URL, and its REST root at the API version the connector asks for. */
export const INSTANCE = 'https://brightwave.my.salesforce.com';
export const DATA = `${INSTANCE}/services/data/v60.0`;

/** A Salesforce response saved in tests/fixtures/http/salesforce, in the REST API's documented shape. */
export const fixture = (name: string) => readFixtureJson<JsonBodyType>(`http/salesforce/${name}.json`);

/** A signed-in session whose refresh always succeeds with a new token. */
export const session = { accessToken: async () => 'token-1', instanceUrl: async () => INSTANCE, refresh: async () => 'token-2' };

/** An msw server for the file: listening for its tests, refusing any request no handler expects, reset after each test. */
export function listeningServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
