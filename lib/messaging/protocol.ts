import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { ContactContext } from '../domain/contact-context';
import type { RecordedFeedback } from '../db/feedback-repository';
import type { Feedback } from '../domain/feedback';
import type { ContactSummary } from '../db/contact-repository';
import type { CachedContext } from '../cache/contact-cache';
import type { ConnectorHealth } from '../connectors/health';
import type { FieldIssueSummary } from '../connectors/field-issues';
import type { FeedSyncResult } from '../connectors/feed/sync-feed';
import type { Settings } from '../settings/settings';
import type { Persona } from '../domain/persona';
import type { ReasonDefinition } from '../domain/reason-definition';
import type { WritableField } from '../domain/writable-field';
import type { DrillDownRow } from '../domain/report-schema';
import type { LastReportView, ReportView } from '../domain/report-view';
import type { TeamSyncState } from '../team/team-sync';
import type { FeedbackFileResult } from '../team/feedback-file';
import type { RepQueue } from '../team/rep-queue';
import type { Requests } from './requests';

export type { LastReportView, ReportView } from '../domain/report-view';

/**
 * What the popup and options page show about the cache. `unsentFeedback` counts
 * verdicts waiting for the CRM; `localFeedback` those kept only in this browser
 * (no CRM connected, or kept local by choice).
 */
export type CacheStatus = {
  sourceName: string;
  dataAsOf: string | null;
  contactCount: number;
  unsentFeedback: number;
  localFeedback?: number;
  crmConnected?: boolean;
};

/**
 * The one protocol between Leadlight's scripts. Every message goes content script /
 * popup / options → background; request shapes and their validation live in
 * ./requests.ts (background only, so pages that merely send do not ship zod).
 */

/** A verdict as the options page lists it: with the contact's name when the cache knows them. */
export type ListedFeedback = Feedback & { contactName?: string };

/** Settings as pages see them: the values, and which connections hold credentials. */
export type SettingsView = {
  settings: Settings;
  connections: {
    hubspotConnected: boolean;
    /** The portal the saved token was checked against. */
    hubspotAccount?: { portalId: number; timeZone?: string; uiDomain?: string };
    salesforceConnected: boolean;
    salesforceInstance?: string;
  };
  /** The feed's last sync, and `syncing` while one is reading the feed or swapping it in. */
  feed?: { lastSyncAt?: string; lastError?: string; syncing?: 'staging' | 'applying' };
};

/** How the live CRM connection stands; null when the data source is not a live CRM. */
export type ConnectionStatus = { id: 'hubspot' | 'salesforce'; label: string; health: ConnectorHealth } | null;

/** A cached contact's score against a draft persona, next to the saved version's. */
export type PersonaPreviewRow = { email: string; name?: string; company?: string; score: number; savedScore: number | null };

/**
 * What the cache holds, so a page can say what replacing it would remove. Demo
 * data is marked: it comes back with one click, so replacing it needs no warning.
 */
export type DataSummary = { sourceName: string; demo: boolean; contacts: number; touches: number; campaigns: number; feedback: number };

/** Rows written by one import batch (inserted or updated). */
export type ImportCounts = { contacts: number; campaigns: number; touches: number };

/** The last detection report of one host, as the options page lists it. */
export type HostDiagnostics = {
  hostId: string;
  at: string;
  recordFound: boolean;
  contactCount: number;
  matched: string[];
  missing: string[];
};

/** Response type of each message, checked by the compiler on both sides. */
export type Responses = {
  getContactContexts: CachedContext[];
  getContactContext: ContactContext | null;
  searchContacts: ContactSummary[];
  submitLeadFeedback: RecordedFeedback;
  retractLeadFeedback: { retracted: boolean };
  listLeadFeedback: ListedFeedback[];
  getCacheStatus: CacheStatus;
  resetDemoData: CacheStatus;
  reportHostDiagnostics: void;
  reportDetection: void;
  reportMailSeen: { recorded: number };
  beginImport: void;
  importRecords: ImportCounts;
  finishImport: CacheStatus;
  getDataSummary: DataSummary;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  setHubspotToken: SettingsView;
  connectSalesforce: SettingsView;
  /** `revoked`: Salesforce confirmed the token is dead; `revokeError` says why it could not be told. */
  disconnectSalesforce: SettingsView & { revoked: boolean; revokeError?: string };
  getConnectionStatus: ConnectionStatus;
  getSalesforceFields: WritableField[];
  getFieldIssues: FieldIssueSummary[];
  syncFeedNow: FeedSyncResult;
  retryFeedback: { ok: boolean };
  discardFeedback: { ok: boolean };
  deleteAllLocalData: CacheStatus;
  getReport: ReportView;
  getLastReport: LastReportView | null;
  keepReportData: void;
  getDrillDown: DrillDownRow[];
  getFeedbackCsv: { csv: string };
  prepareCrmWriteBack: { ready: boolean; problem?: string };
  syncTeamVerdicts: TeamSyncState;
  getTeamSync: TeamSyncState;
  mergeFeedbackFile: FeedbackFileResult;
  getRepQueue: RepQueue;
  listPersonas: Persona[];
  savePersona: Persona[];
  deletePersona: Persona[];
  previewPersona: PersonaPreviewRow[];
  getReasons: ReasonDefinition[];
  saveReasons: ReasonDefinition[];
  exportDefinitions: { json: string };
  importDefinitions: { personas: number; reasons: number };
  getHostDiagnostics: HostDiagnostics[];
};

export type MessageType = keyof Requests;

type ProtocolMap = { [K in MessageType]: (data: z.input<Requests[K]>) => Responses[K] };

// Message bodies can hold contact data: keep them out of the console.
export const quietLogger = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: quietLogger });

/** Sends a request to the background. */
export const sendMessage = messenger.sendMessage;
