import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/launch';

/** A line webextension-polyfill's bundle always carries (its guard against running outside an extension). */
const POLYFILL = 'This script should only be loaded in a browser extension';

const text = (dir: string, file: string) => readFileSync(resolve(dir, file), 'utf8');

/** The sidebar frame's own scripts: the module sidebar.html loads and the chunks it imports (its UI, lazily). */
function frameScripts(dir: string): string[] {
  const entry = /<script[^>]+src="\/?([^"]+)"/.exec(text(dir, 'sidebar.html'))?.[1];
  if (!entry) throw new Error('sidebar.html loads no script');
  const imported = [...text(dir, entry).matchAll(/(?:from\s*|import\()["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => `chunks/${m[1]}`);
  return [entry, ...new Set(imported)];
}

describe.each([
  ['chrome-mv3', EXTENSION_DIR],
  ['firefox-mv2', resolve(EXTENSION_DIR, '../firefox-mv2')],
])('%s: what every host page load parses', (_name, dir) => {
  it('carries no webextension-polyfill in the content scripts or the sidebar frame, which the background keeps', () => {
    const contentScripts = readdirSync(resolve(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(contentScripts.length).toBeGreaterThanOrEqual(5);
    const frame = frameScripts(dir);
    expect(frame.some((f) => f.includes('frame-app'))).toBe(true);
    for (const file of [...contentScripts.map((f) => `content-scripts/${f}`), ...frame]) {
      expect(text(dir, file), file).not.toContain(POLYFILL);
    }
    expect(text(dir, 'background.js')).toContain(POLYFILL);
  });

  it('keeps every content script a detector: no UI library, and at most 12 KB gzip', () => {
    // A prop name every React-like DOM renderer (React DOM, Preact) handles by name, minified or not:
    // the frame's UI carries it, which shows the marker finds the library where it is.
    const UI = 'dangerouslySetInnerHTML';
    expect(frameScripts(dir).some((f) => text(dir, f).includes(UI))).toBe(true);
    for (const file of readdirSync(resolve(dir, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(resolve(dir, 'content-scripts', file));
      expect(gzipSync(source).length, file).toBeLessThanOrEqual(12 * 1024);
      expect(source.toString('utf8'), file).not.toContain(UI);
    }
  });
});
