import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

// The manifest is the permission surface users and store reviewers judge us by:
// every entry here is audited by tests/unit/manifest-permissions.test.ts.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: ({ browser }) => ({
    name: 'Leadlight',
    description:
      'Marketing context where sales works: lead source, campaigns, persona match and lead-quality feedback beside your email.',
    // Each permission is explained in the README's permission table.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Leadlight sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the first Firefox that reads data_collection_permissions (AMO requires it).
            gecko: { id: 'leadlight@leadlight.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
