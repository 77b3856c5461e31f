// `npm run demo`: the built extension in Chromium on the Gmail look-alike and the
// bundled demo data. With a display it opens a window to click around in; without
// one it runs headless, walks through a few threads and writes screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium } from '../support/chromium.mjs';
import { writeStoreImages } from './store-images.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const extensionDir = join(root, '.output/chrome-mv3');
const html = readFileSync(join(root, 'tests/fixtures/gmail/demo-gmail.html'), 'utf8');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux';
const shotsDir = join(root, 'demo-screenshots');

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'leadlight-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  args: extensionArgs(extensionDir),
  viewport: headless ? { width: 1440, height: 900 } : null,
});
await context.route('https://mail.google.com/**', (route) =>
  new URL(route.request().url()).pathname.startsWith('/mail/')
    ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
    : route.fulfill({ status: 404, body: '' }),
);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://mail.google.com/mail/u/0/#inbox');

if (!headless) {
  console.log(`Leadlight demo running (extension ${extensionId}). Open a thread in the inbox; close the window to stop.`);
  await new Promise((done) => context.on('close', done));
} else {
  mkdirSync(shotsDir, { recursive: true });
  const shots = [
    ['01-inbox.png', '#inbox'],
    ['02-thread-maya.png', '#inbox/FMfcgzMaya0001'],
    ['03-thread-several-people.png', '#inbox/FMfcgzDanPri002'],
    ['04-unknown-contact.png', '#inbox/FMfcgzJordn0005'],
  ];
  for (const [file, hash] of shots) {
    await page.evaluate((h) => (location.hash = h), hash);
    if (hash !== '#inbox') await page.getByTestId('contact-context').or(page.getByTestId('state-unknown')).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shotsDir, file) });
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Look up a contact').fill('priya');
  await popup.getByTestId('search-results').getByRole('option').first().click();
  await popup.getByTestId('contact-context').waitFor();
  await popup.screenshot({ path: join(shotsDir, '05-popup-search.png'), fullPage: true });
  console.log(`No display found: ran headless and wrote ${shots.length + 1} screenshots to ${shotsDir}`);
  const routeHost = (origin, fixture) => {
    const body = readFileSync(join(root, 'tests/fixtures', fixture), 'utf8');
    return context.route(`${origin}/**`, (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
        : route.fulfill({ status: 404, body: '' }),
    );
  };
  const storeDir = await writeStoreImages({ context, extensionId, root, outDir: shotsDir, routeHost });
  console.log(`Store listing images (1280×800 screenshots and the 440×280 tile): ${storeDir}`);
  await context.close();
}
rmSync(profile, { recursive: true, force: true });
