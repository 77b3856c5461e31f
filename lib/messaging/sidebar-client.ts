import { browser } from 'wxt/browser';
import type { SidebarApi } from '@/components/sidebar/sidebar-api';
import { sendMessage } from './protocol';

const OPEN_KEY = 'sidebar.open';

/** The sidebar's view of the extension: protocol messages plus its remembered open state. */
export function createSidebarClient(): SidebarApi {
  return {
    getContexts: (emails) => sendMessage('getContactContexts', { emails }),
    getReasons: () => sendMessage('getReasons', {}),
    submit: (input) => sendMessage('submitLeadFeedback', input),
    undo: async (id) => {
      const { retracted } = await sendMessage('retractLeadFeedback', { id });
      if (!retracted) throw new Error('it is already on its way to the CRM');
    },
    loadOpen: async () => {
      const stored = await browser.storage.local.get(OPEN_KEY);
      return stored[OPEN_KEY] !== false;
    },
    saveOpen: async (open) => {
      await browser.storage.local.set({ [OPEN_KEY]: open });
    },
  };
}
