import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GMAIL_LIKE_CSP, pageWithNonce, SALESFORCE_LIKE_CSP } from '../e2e/support/csp';
import { launchFirefox, serveFixture, type FirefoxRun } from './support/launch-firefox';
import { sidebarText } from './support/sidebar-frame';

let run: FirefoxRun;
beforeAll(async () => {
  run = await launchFirefox('options.html');
});
afterAll(() => run?.close());

/** A host page served with its strict policy; its own scripts carry the nonce, as the host's do. */
async function openUnderCsp(origin: string, fixture: string, csp: (nonce: string) => string, url: string): Promise<Page> {
  const nonce = 'n0nce' + Math.random().toString(36).slice(2);
  const page = await run.browser.newPage();
  await serveFixture(page, origin, fixture, { body: pageWithNonce(fixture, nonce), headers: { 'content-security-policy': csp(nonce) } });
  await page.goto(url);
  return page;
}

/** Violations that concern Leadlight (the look-alikes' own inline handlers are blocked too, as the host's policy wants). */
const violations = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter((v) =>
    /extension|frame-src|child-src/.test(v),
  );

describe('Firefox, under the hosts’ strict Content-Security-Policy', () => {
  it('Gmail (nonces, strict-dynamic, Trusted Types, frame-src of Google hosts only): the frame loads and shows the contact', async () => {
    const page = await openUnderCsp(
      'https://mail.google.com',
      'gmail/demo-gmail.html',
      GMAIL_LIKE_CSP,
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzMaya0001',
    );
    await expect.poll(() => sidebarText(page, 'contact-name')).toBe('Maya Okafor');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('Salesforce (self and nonce scripts, frame-src of Salesforce hosts only): the frame loads and shows the record', async () => {
    const page = await openUnderCsp(
      'https://brightwave.lightning.force.com',
      'salesforce/console.html',
      SALESFORCE_LIKE_CSP,
      'https://brightwave.lightning.force.com/lightning/r/Contact/0035e00000XyZabCDE/view',
    );
    await expect.poll(() => sidebarText(page, 'contact-name')).toBe('Priya Raman');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
