import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Places Chromium or Chrome for Testing usually lives; branded Chrome ignores --load-extension. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/opt/homebrew/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

/** Chrome for Testing unpacked by @puppeteer/browsers (`npx @puppeteer/browsers install chrome`). */
function chromeForTesting() {
  const root = join(homedir(), '.cache', 'puppeteer', 'chrome');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((dir) => [join(root, dir, 'chrome-linux64', 'chrome'), join(root, dir, 'chrome-win64', 'chrome.exe')]);
}

/**
 * The Chromium to drive: CHROMIUM_PATH first, then the usual locations.
 * Throws a one-line, actionable error when there is none.
 * @returns {string}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
  }
  const found = [...CANDIDATES, ...chromeForTesting()].find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary.',
  );
}

/** Flags that let headless Chromium run on a machine without network; benches compare runs with and without the extension on these. */
export function browserArgs() {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/** The same flags, plus the unpacked extension. */
export function extensionArgs(extensionDir) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...browserArgs()];
}
