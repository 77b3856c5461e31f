import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionArgs, findChromium } from '../../support/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const EXTENSION_DIR = resolve(here, '../../../.output/chrome-mv3');
const GMAIL_FIXTURE = resolve(here, '../../fixtures/gmail/demo-gmail.html');

export type Launched = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The browser profile's folder, for benches that measure what the extension stores on disk. */
  profile: string;
  close: () => Promise<void>;
};

/**
 * Starts real Chromium with the built extension and serves the Gmail look-alike at
 * Gmail's real URL, so the production match patterns are what gets tested.
 */
export async function launchWithExtension(
  extraExtensions: string[] = [],
  reuse?: { profile: string },
  extraArgs: string[] = [],
): Promise<Launched> {
  // A bench reopens a closed browser's profile to measure what a rep meets the next day.
  const profile = reuse?.profile ?? mkdtempSync(join(tmpdir(), 'leadlight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionArgs([EXTENSION_DIR, ...extraExtensions].join(',')), ...extraArgs],
    viewport: { width: 1400, height: 900 },
  });
  await routeGmail(context);
  const worker = await ourWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Leadlight's service worker (its manifest names it Leadlight), among any other extensions loaded. */
async function ourWorker(context: BrowserContext): Promise<Worker> {
  for (let i = 0; i < 300; i++) {
    for (const w of context.serviceWorkers()) {
      const name = await w.evaluate(() => chrome.runtime.getManifest().name).catch(() => '');
      if (name === 'Leadlight') return w;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Leadlight service worker did not start');
}

/**
 * Serves a saved host page at every path of a real origin (its single-page app
 * handles the path); requests for anything else the host would load get a 404.
 */
export async function routeHost(context: BrowserContext, origin: string, fixture: string, csp?: string): Promise<void> {
  const body = readFileSync(resolve(here, '../../fixtures', fixture), 'utf8');
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body,
          headers: csp ? { 'content-security-policy': csp } : {},
        })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/** Every mail.google.com page gets the look-alike; anything else Gmail would load is a 404. */
export async function routeGmail(context: BrowserContext, html = readFileSync(GMAIL_FIXTURE, 'utf8')): Promise<void> {
  await context.route('https://mail.google.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/mail/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.fulfill({ status: 404, body: '' });
  });
}
