import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/launch';

/**
 * The audited permission surface. A new permission or host must be added here on
 * purpose (and explained in the README), never slip in through a dependency.
 */
const AUDITED = {
  permissions: ['alarms', 'contextMenus', 'identity', 'storage', 'unlimitedStorage'],
  hostPermissions: [] as string[],
  /** Requested only when the user connects a service or saves a feed URL; nothing is granted at install. */
  optionalHosts: [
    'https://*/*',
    'https://api.hubapi.com/*',
    'https://login.salesforce.com/*',
    'https://test.salesforce.com/*',
    'https://*.my.salesforce.com/*',
  ],
  contentScriptMatches: [
    'https://mail.google.com/*',
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-na3.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://*.pipedrive.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  /**
   * The sidebar frame is the one web-accessible file, and only the supported hosts may
   * embed it (the same list as the content script). Its scripts and styles load from the
   * extension's own origin and are not listed.
   */
  webAccessible: ['sidebar.html'],
};

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  commands?: unknown;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
};

/** Sizes the stores and toolbars ask for: 128 for the Chrome Web Store and AMO, 16/32 toolbar, 48 extension pages. */
const ICON_SIZES = [16, 32, 48, 128];

/** Width and height from a PNG's IHDR chunk (bytes 16–23), or null when the file is not a PNG. */
function pngSize(file: string): [number, number] | null {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;

describe.each([
  ['chrome-mv3', EXTENSION_DIR],
  ['firefox-mv2', resolve(EXTENSION_DIR, '../firefox-mv2')],
])('%s manifest', (_name, dir) => {
  const manifest = read(dir);
  // MV2 lists hosts among permissions; split them so both builds compare alike.
  const all = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
  const hosts = all.filter((p) => p.includes('://') || p === '<all_urls>');
  const apis = all.filter((p) => !hosts.includes(p));

  it('asks for exactly the audited permissions', () => {
    expect(apis.sort()).toEqual([...AUDITED.permissions].sort());
    expect(hosts.sort()).toEqual([...AUDITED.hostPermissions].sort());
  });

  it('asks for optional hosts only at runtime, and exactly the audited ones', () => {
    const optional = [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    expect(optional.sort()).toEqual([...AUDITED.optionalHosts].sort());
  });

  it('injects content scripts only into the audited hosts', () => {
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect([...new Set(matches)].sort()).toEqual([...AUDITED.contentScriptMatches].sort());
    expect(matches.join(' ')).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });

  it('exposes only the sidebar frame, and only to the supported hosts', () => {
    const war = manifest.web_accessible_resources;
    if (_name === 'chrome-mv3') {
      expect(war).toEqual([{ resources: AUDITED.webAccessible, matches: AUDITED.contentScriptMatches, use_dynamic_url: true }]);
    } else {
      // MV2 has no per-site list: Firefox's extension URLs are random per install, so a site cannot probe for them.
      expect(war).toEqual(AUDITED.webAccessible);
    }
  });

  it('binds Alt+Shift+L, the one keyboard shortcut, to showing or hiding the sidebar', () => {
    expect(manifest.commands).toEqual({
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Show or hide the Leadlight sidebar' },
    });
  });

  it('lets no web page or other extension connect, and loosens no CSP', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('names a PNG of each size as the extension and toolbar icon, and each file has that size', () => {
    const toolbar = (manifest.action ?? manifest.browser_action)?.default_icon;
    for (const icons of [manifest.icons, toolbar]) {
      expect(
        Object.keys(icons ?? {})
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(ICON_SIZES);
      for (const size of ICON_SIZES) expect(pngSize(resolve(dir, icons?.[String(size)] ?? 'missing'))).toEqual([size, size]);
    }
  });
});
