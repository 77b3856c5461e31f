import { browser } from 'wxt/browser';
import type { ContactContext } from '../domain/contact-context';
import type { Feedback, FeedbackInput } from '../domain/feedback';
import type { ContactSummary } from '../db/contact-repository';
import { sendMessage, type CacheStatus, type HostDiagnostics } from './protocol';

/** What the popup and options pages ask of the background. */
export type PageApi = {
  getStatus: () => Promise<CacheStatus>;
  search: (query: string) => Promise<ContactSummary[]>;
  getContext: (email: string) => Promise<ContactContext | null>;
  submit: (input: FeedbackInput) => Promise<Feedback>;
  undo: (id: string) => Promise<void>;
  listFeedback: () => Promise<Feedback[]>;
  resetDemoData: () => Promise<CacheStatus>;
  getDiagnostics: () => Promise<HostDiagnostics[]>;
  openOptions: () => void;
};

/** The messaging-backed implementation used by the real extension pages. */
export function createPageClient(): PageApi {
  return {
    getStatus: () => sendMessage('getCacheStatus', {}),
    search: (query) => sendMessage('searchContacts', { query }),
    getContext: (email) => sendMessage('getContactContext', { email }),
    submit: (input) => sendMessage('submitLeadFeedback', input),
    undo: async (id) => {
      await sendMessage('retractLeadFeedback', { id });
    },
    listFeedback: () => sendMessage('listLeadFeedback', {}),
    resetDemoData: () => sendMessage('resetDemoData', {}),
    getDiagnostics: () => sendMessage('getHostDiagnostics', {}),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
