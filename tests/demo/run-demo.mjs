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
  // The sidebar lives in an extension frame; its content is reached through it.
  const sidebar = page.frameLocator('[data-testid="leadlight-frame"]');
  for (const [file, hash] of shots) {
    await page.evaluate((h) => (location.hash = h), hash);
    if (hash !== '#inbox') await sidebar.getByTestId('contact-context').or(sidebar.getByTestId('state-unknown')).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shotsDir, file) });
  }
  // The whole sidebar, tall enough to show every section: a weak persona match said plainly
  // (Noah Feld), and an invitation to offer (Tom Becker).
  await page.setViewportSize({ width: 1440, height: 2000 });
  for (const [file, hash, section] of [
    ['09-sidebar-no-persona-fits.png', '#inbox/FMfcgzNoahF0006', 'persona-no-fit'],
    ['10-sidebar-coming-up.png', '#inbox/FMfcgzTomB00003', 'upcoming-campaigns'],
  ]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await sidebar.getByTestId(section).waitFor();
    await page.waitForTimeout(300);
    await sidebar.getByTestId('contact-context').screenshot({ path: join(shotsDir, file) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // Two verdicts, so the options page's feedback list has something to show.
  for (const [hash, verdict, reason] of [
    ['#inbox/FMfcgzMaya0001', 'Good lead', 'Active project'],
    ['#inbox/FMfcgzNoahF0006', 'Bad lead', 'Outside target market'],
  ]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await sidebar.getByRole('button', { name: verdict, exact: true }).click();
    if (reason) await sidebar.getByRole('radio', { name: reason }).check();
    await sidebar.getByRole('button', { name: `Confirm ${verdict.toLowerCase()}` }).click();
    await sidebar.getByRole('button', { name: 'Undo' }).waitFor();
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Look up a contact').fill('priya');
  await popup.getByTestId('search-results').getByRole('option').first().click();
  await popup.getByTestId('contact-context').waitFor();
  await popup.screenshot({ path: join(shotsDir, '05-popup-search.png'), fullPage: true });
  // One screenshot of each extension page, as a rep and a marketer see it.
  const pages = [
    ['06-options.png', 'options.html', (p) => p.getByTestId('options-status').waitFor()],
    ['07-report.png', 'report.html', (p) => p.getByRole('table').first().waitFor()],
    ['08-privacy.png', 'privacy.html', (p) => p.locator('h1').first().waitFor()],
  ];
  for (const [file, path, ready] of pages) {
    const tab = await context.newPage();
    await tab.goto(`chrome-extension://${extensionId}/${String(path)}`);
    await ready(tab);
    await tab.waitForTimeout(500);
    await tab.screenshot({ path: join(shotsDir, file), fullPage: true });
    if (path === 'options.html') {
      // The feedback list and the diagnostics on their own, for the README.
      await tab.getByTestId('feedback-table').waitFor();
      await tab
        .locator('section', { has: tab.locator('#feedback-heading') })
        .screenshot({ path: join(shotsDir, '06a-options-feedback.png') });
      await tab
        .locator('section', { has: tab.locator('#diagnostics-heading') })
        .screenshot({ path: join(shotsDir, '06b-options-diagnostics.png') });
    }
    await tab.close();
  }
  console.log(`No display found: ran headless and wrote ${shots.length + 5 + pages.length} screenshots to ${shotsDir}`);
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
