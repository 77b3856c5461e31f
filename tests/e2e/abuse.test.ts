import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { sendFromExtensionPage } from './support/extension-messages';
import { launchWithExtension, type Launched } from './support/launch';

const OTHER_EXTENSION = resolve(import.meta.dirname, '../fixtures/other-extension');
let browser: Launched;
let other: Worker;

beforeAll(async () => {
  browser = await launchWithExtension([OTHER_EXTENSION]);
  for (let i = 0; i < 300 && !other; i++) {
    other = browser.context.serviceWorkers().find((w) => !w.url().includes(browser.extensionId))!;
    if (!other) await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(() => browser?.close());

async function feedbackCount(): Promise<number> {
  return browser.worker.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('leadlight');
        open.onsuccess = () => {
          const req = open.result.transaction('feedback').objectStore('feedback').count();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );
}

describe('messages from outside Leadlight', () => {
  it('another extension gets no answer and changes nothing', async () => {
    const before = await feedbackCount();
    for (const message of [
      {
        id: 1,
        type: 'submitLeadFeedback',
        data: { email: 'maya.okafor@northwind-logistics.example', verdict: 'good' },
        timestamp: Date.now(),
      },
      { id: 2, type: 'getContactContexts', data: { emails: ['maya.okafor@northwind-logistics.example'] }, timestamp: Date.now() },
      { id: 3, type: 'deleteAllLocalData', data: { confirm: 'DELETE' }, timestamp: Date.now() },
    ]) {
      const result = await other.evaluate(
        ([id, m]) =>
          (
            self as unknown as { tryLeadlight: (i: string, m: unknown) => Promise<{ response: unknown; error: string | null }> }
          ).tryLeadlight(id, m),
        [browser.extensionId, message] as const,
      );
      expect(result.response).toBeNull();
      expect(result.error).toMatch(/Could not establish connection|Receiving end does not exist/);
    }
    expect(await feedbackCount()).toBe(before);
  });

  it('a web page has no extension messaging to reach the background with', async () => {
    // Driving the sidebar itself (reading, clicking, typing, posting into its frame) is tried in frame-isolation.test.ts.
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    const reachable = await gmail.page.evaluate(() => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      return [typeof c?.runtime?.sendMessage, typeof c?.runtime?.connect];
    });
    expect(reachable).toEqual(['undefined', 'undefined']);
    await gmail.page.close();
  });

  it('hostile text in a note and a persona name renders as text', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromExtensionPage(options, 'savePersona', {
      id: 'hostile',
      name: '<img src=x onerror=window.__pwned=1>',
      description: '"><script>window.__pwned=1</script>',
      rules: [{ kind: 'department', values: ['operations'], weight: 100 }],
    });
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await gmail.sidebar.giveFeedback('good', 'Active project', '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('<img src=x onerror=window.__pwned=1>');
    expect(await gmail.sidebar.root.getByTestId('persona-match').textContent()).toContain('<img src=x onerror=window.__pwned=1>');
    expect(await gmail.sidebar.root.locator('img, script').count()).toBe(0);
    await options.reload();
    await expect.poll(() => options.getByTestId('feedback-row').first().textContent()).toContain('<script>');
    expect(await options.locator('main img:not([src="/icon/icon.svg"]), main script').count()).toBe(0);
    for (const page of [gmail.page, options])
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
