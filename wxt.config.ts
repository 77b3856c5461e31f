import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { frameOnPreact, nativeBrowserOnHostPages, separateFrameBuild } from './lib/build/frame-bundle';
import { withoutSelectorNotes } from './lib/build/selector-notes';
import { HOST_MATCHES } from './lib/hosts/registry';

const OPTIONAL_HOSTS = [
  'https://api.hubapi.com/*',
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  // The org's API host (instance_url), sandboxes included.
  'https://*.my.salesforce.com/*',
  // The feed URL is the team's own; only its origin is requested, when it is saved.
  'https://*/*',
];

// The manifest is the permission surface users and store reviewers judge us by:
// every entry here is audited by tests/e2e/manifest-permissions.test.ts.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [tailwindcss()] }),
  hooks: {
    'entrypoints:grouped': (_wxt, groups) => separateFrameBuild(groups),
    'vite:build:extendConfig': (entrypoints, config) => {
      frameOnPreact(entrypoints, config);
      nativeBrowserOnHostPages(entrypoints, config);
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'content-script')
        config.plugins = [...(config.plugins ?? []), withoutSelectorNotes];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Leadlight',
    description: 'Marketing context where sales works: lead source, campaigns, persona match and lead-quality feedback beside your email.',
    // Each permission is explained in the README's permission table.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'identity'],
    // The sidebar frame: embeddable only by the supported hosts (with a per-session URL where
    // the browser offers one); its scripts and styles load from the extension's own origin
    // and need no listing. MV2 (Firefox) lists plain paths; its extension URLs are random per install.
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: ['sidebar.html'], matches: HOST_MATCHES, use_dynamic_url: true }] : ['sidebar.html'],
    // Asked for at the moment a user connects that service, never at install
    // (MV2 Firefox lists optional hosts among optional_permissions).
    ...(manifestVersion === 3 ? { optional_host_permissions: OPTIONAL_HOSTS } : { optional_permissions: OPTIONAL_HOSTS }),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Leadlight sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'leadlight@leadlight.example',
              // 140 is the first Firefox that reads data_collection_permissions (AMO requires it).
              strict_min_version: '140.0',
              // Nothing leaves the browser on demo data, an import or a feed, so nothing is required at
              // install. Connecting HubSpot or Salesforce sends the addresses of contacts on screen and
              // the rep's verdicts and notes to the team's own CRM: personal data, asked for at that
              // moment together with the CRM's host (lib/messaging/page-client.ts, PRIVACY.md).
              data_collection_permissions: { required: ['none'], optional: ['personallyIdentifyingInfo'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
