import { existsSync } from 'node:fs';

/** Places Firefox usually lives; ESR is what Debian ships and what CI installs. */
const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/**
 * The Firefox to drive: FIREFOX_PATH first, then the usual locations.
 * Throws a one-line, actionable error when there is none.
 * @returns {string}
 */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH points to ${fromEnv}, which does not exist.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Firefox found: install one (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH to a Firefox binary.',
  );
}
