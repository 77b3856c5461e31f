import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** A saved host page parsed into its own document, as the browser would load it. */
export function loadFixture(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(dir, path), 'utf8'), 'text/html');
}

export function readFixtureJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(dir, path), 'utf8')) as T;
}
