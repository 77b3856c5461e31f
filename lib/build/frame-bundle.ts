import { fileURLToPath } from 'node:url';
import type { Alias, AliasOptions, InlineConfig } from 'vite';
import type { Entrypoint, EntrypointGroup } from 'wxt';

/** The sidebar frame's entrypoint (entrypoints/sidebar). */
export const FRAME_ENTRY = 'sidebar';

const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

const asList = (alias: AliasOptions | undefined): readonly Alias[] => {
  if (!alias) return [];
  // Array.isArray does not narrow a readonly array: say what it is.
  if (Array.isArray(alias)) return alias as readonly Alias[];
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
};

/**
 * The sidebar frame loads its UI with the first contact on a host page, so it renders
 * with Preact's React-compatible API, about a third of React DOM's weight; every other
 * page keeps React. WXT builds all HTML pages in one Vite build, so the frame is taken
 * out of that group into a build of its own (`entrypoints:grouped`), whose config then
 * resolves React to Preact (`vite:build:extendConfig`).
 */
export function separateFrameBuild(groups: EntrypointGroup[]): void {
  for (const [i, group] of groups.entries()) {
    if (!Array.isArray(group) || group.length < 2) continue;
    const frame = group.find((e) => e.name === FRAME_ENTRY);
    if (!frame) continue;
    groups[i] = group.filter((e) => e !== frame);
    groups.push([frame]);
    return;
  }
}

/** Resolves React to Preact in the frame's own build; other builds are left as they are. */
export function frameOnPreact(entrypoints: readonly Entrypoint[], config: InlineConfig): void {
  if (entrypoints.length !== 1 || entrypoints[0]!.name !== FRAME_ENTRY) return;
  config.resolve ??= {};
  config.resolve.alias = [...PREACT_ALIASES, ...asList(config.resolve.alias)];
}

/**
 * WXT's own `browser`: the browser's native promise-based API (`browser` in Firefox,
 * `chrome` in Chromium), without webextension-polyfill.
 */
const NATIVE_BROWSER = { find: /^wxt\/browser$/, replacement: fileURLToPath(import.meta.resolve('wxt/browser')) };

/**
 * Content scripts and the sidebar frame run on every host page load, and use only APIs
 * that return promises natively in every browser Leadlight supports (MV3 Chromium,
 * Firefox): runtime.connect, getURL and id, storage.local, openOptionsPage, and
 * messaging through @webext-core/messaging, which calls `chrome.*` itself. The polyfill
 * is 9.6 KB parsed and its exports copied at every page load for nothing there, so those
 * builds use WXT's native `browser`; the background and the other pages keep the polyfill.
 */
export function nativeBrowserOnHostPages(entrypoints: readonly Entrypoint[], config: InlineConfig): void {
  if (entrypoints.length !== 1) return;
  const [entry] = entrypoints;
  if (entry!.type !== 'content-script' && entry!.name !== FRAME_ENTRY) return;
  config.resolve ??= {};
  config.resolve.alias = [NATIVE_BROWSER, ...asList(config.resolve.alias)];
}
