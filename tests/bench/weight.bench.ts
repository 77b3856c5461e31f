import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { EXTENSION_DIR } from '../e2e/support/launch';
import { report, type Figure } from './support/figures';

const INBOXSDK = '@inboxsdk/core@2.2.26';
const kb = (bytes: number) => bytes / 1024;
const sizes = (file: string) => {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** The Gmail SDK's content bundle, read from its npm package in this run (the registry is the only network here). */
function inboxSdkSizes(): { main: { raw: number; gzip: number }; pageWorld: { raw: number; gzip: number } } | string {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'll-inboxsdk-'));
    const tgz = execFileSync('npm', ['pack', INBOXSDK, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir]);
    const pkg = join(dir, 'package');
    const find = (name: string) => files(pkg).find((f) => f.endsWith(`/${name}`));
    const main = find('inboxsdk.js');
    const pageWorld = find('pageWorld.js');
    if (!main || !pageWorld) return 'inboxsdk.js or pageWorld.js not found in the package';
    return { main: sizes(main), pageWorld: sizes(pageWorld) };
  } catch (e) {
    return `could not fetch ${INBOXSDK}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

it('weight: every entrypoint bundle, and the content script against InboxSDK', () => {
  if (!existsSync(EXTENSION_DIR)) throw new Error('Build first: npm run build');
  const figures: Omit<Figure, 'group'>[] = [];
  for (const file of files(EXTENSION_DIR)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()) {
    const s = sizes(file);
    const name = relative(EXTENSION_DIR, file);
    const isContent = name === 'content-scripts/host.js';
    figures.push({ name: `${name} (raw)`, value: kb(s.raw), unit: 'KB' });
    figures.push({ name: `${name} (gzip)`, value: kb(s.gzip), unit: 'KB', target: isContent ? '≤ 80 KB' : undefined });
  }
  const sdk = inboxSdkSizes();
  if (typeof sdk === 'string') figures.push({ name: 'InboxSDK content bundle', value: NaN, unit: 'KB', note: sdk });
  else {
    figures.push({
      name: `${INBOXSDK} inboxsdk.js (gzip)`,
      value: kb(sdk.main.gzip),
      unit: 'KB',
      note: `raw ${kb(sdk.main.raw).toFixed(0)} KB`,
    });
    figures.push({
      name: `${INBOXSDK} pageWorld.js (gzip)`,
      value: kb(sdk.pageWorld.gzip),
      unit: 'KB',
      note: `raw ${kb(sdk.pageWorld.raw).toFixed(0)} KB, injected into the page`,
    });
    const ours = sizes(join(EXTENSION_DIR, 'content-scripts/host.js')).gzip;
    figures.push({
      name: 'Leadlight content script vs InboxSDK (gzip)',
      value: (ours / (sdk.main.gzip + sdk.pageWorld.gzip)) * 100,
      unit: '%',
    });
  }
  report('Weight (built extension, chrome-mv3)', figures);
});
