import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route, Worker } from 'playwright-core';

const dir = resolve(import.meta.dirname, '../../fixtures/http/salesforce');
const fixture = (name: string) => readFileSync(resolve(dir, `${name}.json`), 'utf8');
export const SALESFORCE_INSTANCE = 'https://brightwave.my.salesforce.com';

/**
 * A Salesforce org (Tom Becker as an open Lead) served to the extension through
 * Playwright routing, with the REST API's documented answers: SOQL pages, describes,
 * Task creation, and the Lead PATCHes it receives, kept for the test to read.
 */
export async function routeSalesforce(context: BrowserContext) {
  const taskBodies: Record<string, unknown>[] = [];
  const patches: { path: string; body: Record<string, unknown> }[] = [];
  // The extension calls from its own origin; an optional host grant cannot be clicked in a test, so answer CORS.
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, accept',
    'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
  };
  const json = (route: Route, body: string, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', headers: cors, body });
  await context.route(`${SALESFORCE_INSTANCE}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace(/^\/services\/data\/v60\.0/, '');
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (path === '/query') {
      const soql = url.searchParams.get('q') ?? '';
      if (soql.startsWith('SELECT Id FROM Lead')) return json(route, fixture('lead-id-tom-becker'));
      if (soql.includes('FROM Lead') && soql.includes('tom.becker@')) return json(route, fixture('lead-tom-becker'));
      return json(route, fixture('query-empty'));
    }
    if (path.startsWith('/query/')) return json(route, fixture('lead-tom-becker-members-page-2'));
    if (path === '/sobjects/Lead/describe') return json(route, fixture('describe-lead-verdict-fields'));
    if (path === '/sobjects/Contact/describe') return json(route, fixture('describe-contact'));
    if (path === '/sobjects/Account/describe') return json(route, fixture('describe-account'));
    if (path === '/sobjects/Campaign/describe') return json(route, fixture('describe-campaign'));
    if (path === '/sobjects/Task/describe') return json(route, fixture('describe-task'));
    if (path === '/sobjects/Event/describe') return json(route, fixture('describe-event'));
    if (path === '/sobjects/Task' && request.method() === 'POST') {
      taskBodies.push(request.postDataJSON() as Record<string, unknown>);
      return json(route, fixture('task-create-success'), 201);
    }
    if (path.startsWith('/sobjects/Lead/') && request.method() === 'PATCH') {
      patches.push({ path, body: request.postDataJSON() as Record<string, unknown> });
      return route.fulfill({ status: 204, headers: cors });
    }
    return json(route, JSON.stringify([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]), 404);
  });
  return { taskBodies, patches };
}

/**
 * Stores a Salesforce sign-in in the background's database, as the OAuth window would
 * (that window cannot be driven from a test). The background reads it after its next
 * settings write, which drops its in-memory copy of the settings table.
 */
export async function storeSalesforceSignIn(worker: Worker): Promise<void> {
  await worker.evaluate(
    (instanceUrl) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('leadlight');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          const value = { salesforce: { accessToken: 'e2e-access-token', instanceUrl, issuedAt: new Date().toISOString() } };
          tx.objectStore('settings').put({ key: 'secrets', value });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
      }),
    SALESFORCE_INSTANCE,
  );
}
