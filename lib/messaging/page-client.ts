import { browser } from 'wxt/browser';
import type { ContactContext } from '../domain/contact-context';
import type { Feedback, FeedbackInput } from '../domain/feedback';
import type { ContactSummary } from '../db/contact-repository';
import type { FeedSyncResult } from '../connectors/feed/sync-feed';
import type { FieldIssueSummary } from '../connectors/field-issues';
import type { Settings } from '../settings/settings';
import type { Persona } from '../domain/persona';
import type { ReasonDefinition } from '../domain/reason-definition';
import type { WritableField } from '../domain/writable-field';
import type { AttributionModel, DrillDownRow, ReportDimension } from '../domain/report-schema';
import type { TeamSyncState } from '../team/team-sync';
import type { FeedbackFileResult } from '../team/feedback-file';
import type { RepQueue } from '../team/rep-queue';
import { accessRequest } from './access-request';
import { createWorkerChannel } from './worker-channel';
import {
  sendMessage,
  type CacheStatus,
  type DataSummary,
  type ConnectionStatus,
  type HostDiagnostics,
  type LastReportView,
  type ListedFeedback,
  type PersonaPreviewRow,
  type ReportView,
  type SettingsView,
} from './protocol';

/** What the popup and options pages ask of the background. */
export type PageApi = {
  getStatus: () => Promise<CacheStatus>;
  search: (query: string) => Promise<ContactSummary[]>;
  getContext: (email: string) => Promise<ContactContext | null>;
  submit: (input: FeedbackInput) => Promise<Feedback>;
  undo: (id: string) => Promise<void>;
  listFeedback: () => Promise<ListedFeedback[]>;
  resetDemoData: () => Promise<CacheStatus>;
  /** What the cache holds, to say what replacing it would remove. */
  getDataSummary: () => Promise<DataSummary>;
  getDiagnostics: () => Promise<HostDiagnostics[]>;
  getSettings: () => Promise<SettingsView>;
  saveSettings: (patch: Partial<Settings>) => Promise<SettingsView>;
  setHubspotToken: (token: string | null) => Promise<SettingsView>;
  connectSalesforce: () => Promise<SettingsView>;
  disconnectSalesforce: () => Promise<SettingsView & { revoked: boolean; revokeError?: string }>;
  /** The exact callback URL a Salesforce admin registers for this browser's copy of Leadlight. */
  salesforceCallbackUrl: () => string;
  getConnection: () => Promise<ConnectionStatus>;
  /** The Lead or Contact fields a verdict can set, as the connected org describes them. */
  getSalesforceFields: (object: 'Lead' | 'Contact', fresh?: boolean) => Promise<WritableField[]>;
  getFieldIssues: () => Promise<FieldIssueSummary[]>;
  syncFeedNow: () => Promise<FeedSyncResult>;
  retryFeedback: (id: string) => Promise<{ ok: boolean }>;
  discardFeedback: (id: string) => Promise<{ ok: boolean }>;
  deleteAllLocalData: () => Promise<CacheStatus>;
  getReport: (q: {
    dimension: ReportDimension;
    from: string;
    to: string;
    model?: AttributionModel;
    onlyMine?: boolean;
  }) => Promise<ReportView>;
  /** The last report computed for the same question and when, to show at once while getReport computes; null when none. */
  getLastReport: (q: {
    dimension: ReportDimension;
    from: string;
    to: string;
    model?: AttributionModel;
    onlyMine?: boolean;
  }) => Promise<LastReportView | null>;
  getDrillDown: (q: {
    campaignId: string;
    from: string;
    to: string;
    model?: AttributionModel;
    onlyMine?: boolean;
  }) => Promise<DrillDownRow[]>;
  getFeedbackCsv: () => Promise<string>;
  /** Report page, every little while in view: the background keeps what the report reads in memory. */
  keepReportData: () => Promise<void>;
  /** After connecting a CRM: Leadlight's verdict fields there, and what could not be set up. */
  prepareCrmWriteBack: () => Promise<{ ready: boolean; problem?: string }>;
  /** Report page: start reading every rep's verdicts from the CRM, and follow it. */
  syncTeam: (force?: boolean) => Promise<TeamSyncState>;
  getTeamSync: () => Promise<TeamSyncState>;
  /** Report page without a CRM: merge a rep's exported feedback file. */
  mergeFeedbackFile: (name: string, text: string) => Promise<FeedbackFileResult>;
  /** Popup: the rep's overdue and due-soon hand-offs. */
  getQueue: () => Promise<RepQueue>;
  listPersonas: () => Promise<Persona[]>;
  savePersona: (persona: Persona) => Promise<Persona[]>;
  deletePersona: (id: string) => Promise<Persona[]>;
  previewPersona: (persona: Persona) => Promise<PersonaPreviewRow[]>;
  getReasons: () => Promise<ReasonDefinition[]>;
  saveReasons: (reasons: ReasonDefinition[]) => Promise<ReasonDefinition[]>;
  exportDefinitions: () => Promise<string>;
  importDefinitions: (text: string) => Promise<{ personas: number; reasons: number }>;
  /** Asks the user for access to these origins; must run straight from a click. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  openOptions: () => void;
};

/** The messaging-backed implementation used by the real extension pages. */
export function createPageClient(): PageApi {
  const read = createWorkerChannel(sendMessage);
  return {
    getStatus: () => sendMessage('getCacheStatus', {}),
    search: (query) => read('searchContacts', { query }),
    getContext: (email) => read('getContactContext', { email }),
    submit: (input) => sendMessage('submitLeadFeedback', input),
    undo: async (id) => {
      const { retracted } = await sendMessage('retractLeadFeedback', { id });
      if (!retracted) throw new Error('it is already on its way to the CRM');
    },
    listFeedback: () => sendMessage('listLeadFeedback', {}),
    resetDemoData: () => sendMessage('resetDemoData', {}),
    getDataSummary: () => sendMessage('getDataSummary', {}),
    getDiagnostics: () => sendMessage('getHostDiagnostics', {}),
    getSettings: () => sendMessage('getSettings', {}),
    saveSettings: (patch) => sendMessage('saveSettings', patch),
    setHubspotToken: (token) => sendMessage('setHubspotToken', { token }),
    connectSalesforce: () => sendMessage('connectSalesforce', {}),
    disconnectSalesforce: () => sendMessage('disconnectSalesforce', {}),
    salesforceCallbackUrl: () => browser.identity.getRedirectURL(),
    getConnection: () => read('getConnectionStatus', {}),
    getSalesforceFields: (object, fresh = false) => sendMessage('getSalesforceFields', { object, fresh }),
    getFieldIssues: () => sendMessage('getFieldIssues', {}),
    syncFeedNow: () => sendMessage('syncFeedNow', {}),
    retryFeedback: (id) => sendMessage('retryFeedback', { id }),
    discardFeedback: (id) => sendMessage('discardFeedback', { id }),
    deleteAllLocalData: () => sendMessage('deleteAllLocalData', { confirm: 'DELETE' }),
    getReport: (q) => sendMessage('getReport', q),
    getLastReport: (q) => sendMessage('getLastReport', q),
    getDrillDown: (q) => sendMessage('getDrillDown', q),
    getFeedbackCsv: async () => (await sendMessage('getFeedbackCsv', {})).csv,
    keepReportData: () => sendMessage('keepReportData', {}),
    prepareCrmWriteBack: () => sendMessage('prepareCrmWriteBack', {}),
    syncTeam: (force = false) => sendMessage('syncTeamVerdicts', { force }),
    getTeamSync: () => sendMessage('getTeamSync', {}),
    mergeFeedbackFile: (name, text) => sendMessage('mergeFeedbackFile', { name, text }),
    getQueue: () => sendMessage('getRepQueue', {}),
    listPersonas: () => sendMessage('listPersonas', {}),
    savePersona: (persona) => sendMessage('savePersona', persona),
    deletePersona: (id) => sendMessage('deletePersona', { id }),
    previewPersona: (persona) => sendMessage('previewPersona', persona),
    getReasons: () => sendMessage('getReasons', {}),
    saveReasons: (reasons) => sendMessage('saveReasons', reasons),
    exportDefinitions: async () => (await sendMessage('exportDefinitions', {})).json,
    importDefinitions: (text) => sendMessage('importDefinitions', { text }),
    // The polyfill's types predate Firefox's data_collection key.
    requestOrigins: (origins) => browser.permissions.request(accessRequest(origins)),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
