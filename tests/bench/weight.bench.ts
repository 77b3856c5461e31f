import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { EXTENSION_DIR } from '../e2e/support/launch';
import { report, type Figure } from './support/figures';

const kb = (bytes: number) => bytes / 1024;
type Size = { raw: number; gzip: number };
const sizeOf = (file: string): Size => {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};
const sum = (sizes: Size[]): Size => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/**
 * Reference sizes from the npm packages (see /work/shared/ENVIRONMENT.md): InboxSDK 2.2.26,
 * the Gmail SDK behind Streak and Clearbit Connect, and gmail.js 1.1.16 (which needs jQuery besides).
 */
const INBOXSDK = { main: { raw: 2_246_071, gzip: 529_425 }, pageWorld: { raw: 575_387, gzip: 129_657 } };
const GMAIL_JS = { raw: 168_496, gzip: 35_100 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** The chunks a built module imports statically, and theirs in turn (paths from the build root). */
function importsOf(dir: string, file: string, seen = new Set<string>()): string[] {
  for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) {
    const dep = join(dirname(file), m[1]!);
    if (!seen.has(dep)) importsOf(dir, dep, seen.add(dep));
  }
  return [...seen];
}

/**
 * The sidebar frame in two parts, read from the built files: what loads when the page goes
 * idle (sidebar.html, its module and the modules that one imports statically) and what
 * loads with the first contact (the UI chunk the bootstrap imports on demand, with its
 * styles inside it, and anything that chunk imports).
 */
function frameParts(dir: string): { boot: string[]; ui: string[] } {
  const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const entry = scripts.find((f) => /^chunks\/sidebar-/.test(f));
  if (!entry) throw new Error('sidebar.html names no sidebar bootstrap chunk');
  const text = readFileSync(join(dir, entry), 'utf8');
  const onDemand = new Set([...text.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => join('chunks', m[1]!)));
  const staticDeps = importsOf(dir, entry);
  const boot = ['sidebar.html', ...new Set([...scripts, ...staticDeps])];
  const ui = [...onDemand].flatMap((f) => [f, ...importsOf(dir, f)]).filter((f, i, all) => !boot.includes(f) && all.indexOf(f) === i);
  if (ui.length === 0) throw new Error(`${entry} imports no UI chunk on demand`);
  return { boot, ui };
}

it('weight: every content script, the sidebar frame, and both against InboxSDK and gmail.js', () => {
  if (!existsSync(EXTENSION_DIR)) throw new Error('Build first: npm run build');
  const figures: Omit<Figure, 'group'>[] = [];
  const contentScripts = files(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
  for (const file of contentScripts.sort()) {
    const s = sizeOf(file);
    const name = relative(EXTENSION_DIR, file);
    figures.push({ name: `${name} (raw)`, value: kb(s.raw), unit: 'KB' });
    figures.push({
      name: `${name} (gzip)`,
      value: kb(s.gzip),
      unit: 'KB',
      // Every host's detector script is held to the detector-only budget.
      target: '≤ 12 KB',
    });
  }
  const { boot, ui } = frameParts(EXTENSION_DIR);
  const bootSize = sum(boot.map((f) => sizeOf(join(EXTENSION_DIR, f))));
  const uiSize = sum(ui.map((f) => sizeOf(join(EXTENSION_DIR, f))));
  figures.push({
    name: 'sidebar frame, loaded on idle (gzip)',
    value: kb(bootSize.gzip),
    unit: 'KB',
    note: `raw ${kb(bootSize.raw).toFixed(1)} KB: ${boot.join(', ')}`,
  });
  figures.push({
    name: 'sidebar frame UI, loaded with the first contact (gzip)',
    value: kb(uiSize.gzip),
    unit: 'KB',
    note: `raw ${kb(uiSize.raw).toFixed(1)} KB: Preact (preact/compat), Tailwind CSS and the components (${ui.length} files)`,
  });

  // Comparisons with the Gmail libraries use the Gmail script: it is what a Gmail tab loads.
  const host = sizeOf(join(EXTENSION_DIR, 'content-scripts/gmail.js'));
  const sdk = { raw: INBOXSDK.main.raw + INBOXSDK.pageWorld.raw, gzip: INBOXSDK.main.gzip + INBOXSDK.pageWorld.gzip };
  figures.push({
    name: 'InboxSDK 2.2.26 inboxsdk.js + pageWorld.js (gzip)',
    value: kb(sdk.gzip),
    unit: 'KB',
    note: `raw ${kb(sdk.raw).toFixed(0)} KB; package figures`,
  });
  figures.push({
    name: 'gmail.js 1.1.16 (gzip)',
    value: kb(GMAIL_JS.gzip),
    unit: 'KB',
    note: `raw ${kb(GMAIL_JS.raw).toFixed(0)} KB, plus jQuery`,
  });
  figures.push({
    name: 'Gmail content script: times lighter than InboxSDK inboxsdk.js (gzip)',
    value: INBOXSDK.main.gzip / host.gzip,
    unit: '×',
    target: '≥ 40×',
  });
  figures.push({
    name: 'Gmail content script: times lighter than InboxSDK with its page-world script (gzip)',
    value: sdk.gzip / host.gzip,
    unit: '×',
  });
  figures.push({ name: 'Gmail content script: times lighter than InboxSDK (raw)', value: sdk.raw / host.raw, unit: '×' });
  figures.push({ name: 'Gmail content script: times lighter than gmail.js (gzip)', value: GMAIL_JS.gzip / host.gzip, unit: '×' });
  const whole = { raw: host.raw + bootSize.raw + uiSize.raw, gzip: host.gzip + bootSize.gzip + uiSize.gzip };
  figures.push({
    name: 'everything a Gmail tab with a contact loads (content script + frame + UI), vs InboxSDK (gzip)',
    value: (whole.gzip / sdk.gzip) * 100,
    unit: '%',
    note: `${kb(whole.gzip).toFixed(1)} KB (raw ${kb(whole.raw).toFixed(0)} KB); the frame and UI run in the extension's process, not the page's`,
  });
  figures.push({
    name: 'everything a Gmail tab with a contact loads: times lighter than InboxSDK with its page-world script (gzip / raw)',
    value: sdk.gzip / whole.gzip,
    unit: '×',
    note: `raw ${(sdk.raw / whole.raw).toFixed(1)}×`,
  });
  figures.push({
    name: 'everything a Gmail tab with a contact loads, vs gmail.js alone (gzip)',
    value: (whole.gzip / GMAIL_JS.gzip) * 100,
    unit: '%',
    note: `raw ${((whole.raw / GMAIL_JS.raw) * 100).toFixed(0)} %; gmail.js needs jQuery besides and has no UI`,
  });
  report('Weight (built extension, chrome-mv3)', figures);
});
