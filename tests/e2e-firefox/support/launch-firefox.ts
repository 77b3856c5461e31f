import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { TargetType, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { findFirefox } from '../../support/firefox.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIREFOX_BUILD = resolve(here, '../../../.output/firefox-mv2');
const FIXTURES = resolve(here, '../../fixtures');
const ADDON_ID = 'leadlight@leadlight.example';
/** Pinned so tests can name extension pages; Firefox otherwise picks a random one per profile. */
const UUID = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export type FirefoxRun = {
  browser: Browser;
  /** The extension page Firefox opened at start (WebDriver BiDi may not navigate to moz-extension URLs). */
  start: Page;
  close: () => Promise<void>;
};

/**
 * Starts Firefox ESR with the built Firefox package installed in a fresh profile, the way a
 * sideloaded add-on is: a proxy file named by the add-on id points at `.output/firefox-mv2`.
 * Unsigned add-ons load because ESR honours `xpinstall.signatures.required = false`.
 */
export async function launchFirefox(startPage = 'options.html'): Promise<FirefoxRun> {
  const profile = mkdtempSync(join(tmpdir(), 'leadlight-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', ADDON_ID), FIREFOX_BUILD);
  const startUrl = `${EXTENSION_ORIGIN}/${startPage}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    args: [startUrl],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // Sideloaded add-ons are otherwise disabled until the user approves them.
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    },
  });
  const start = await waitForPage(browser, (url) => url.startsWith(startUrl));
  return {
    browser,
    start,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The open tab whose URL matches, waiting for it to appear. */
export async function waitForPage(browser: Browser, matches: (url: string) => boolean): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.type() === TargetType.PAGE && matches(t.url()), { timeout: 30_000 });
  const page = await target.page();
  if (!page) throw new Error(`No page for ${target.url()}`);
  return page;
}

/**
 * Moves an extension tab to another extension page (or reloads it), the way Leadlight's own links
 * do: an extension page may navigate among its siblings, while WebDriver BiDi may not navigate to
 * moz-extension URLs, and Firefox blocks window.open without a user gesture.
 */
export async function gotoExtensionPage(page: Page, path?: string): Promise<void> {
  const before = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate((p) => (p ? location.assign(p) : location.reload()), path ? `/${path}` : null);
  // Polled from here: a wait inside the page dies with the document it waits in.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const loaded = await page
      .evaluate((t) => performance.timeOrigin !== t && document.readyState === 'complete', before)
      .catch(() => false);
    if (loaded) return;
  }
  throw new Error(`${path ?? 'Reload'} did not load in 30 s`);
}

/** Serves a saved host page at every path of a real origin, as Playwright routing does in Chromium. */
export async function serveFixture(
  page: Page,
  origin: string,
  fixture: string,
  { headers = {}, body = readFileSync(join(FIXTURES, fixture), 'utf8') }: { headers?: Record<string, string>; body?: string } = {},
): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (!request.url().startsWith(`${origin}/`)) return void request.continue();
    // Under BiDi, resourceType() is unsupported: a navigation gets the page, anything else a 404.
    if (request.isNavigationRequest()) {
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body, headers });
    }
    return void request.respond({ status: 404, body: '' });
  });
}
