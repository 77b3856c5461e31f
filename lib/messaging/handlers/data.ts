import { browser } from 'wxt/browser';
import type { LeadlightDb } from '../../db/database';
import { warmContactIndex } from '../../db/contact-search';
import { countFeedbackByDelivery } from '../../db/feedback-repository';
import { describeSecrets, loadSecrets } from '../../settings/secrets';
import { loadSettings } from '../../settings/settings';
import { summarizeData } from '../../db/data-summary';
import { beginImport, finishImport, upsertRecords } from '../../db/import-repository';
import { replaceDataset } from '../../db/seed';
import { loadHostDiagnostics, saveHostDiagnostics } from '../../diagnostics/host-diagnostics';
import type { CacheStatus } from '../protocol';
import type { HandlerDeps, Handlers } from './deps';

export const DEMO_SOURCE_NAME = 'Demo data (Brightwave Analytics)';

/** What the popup and options page show about the cache. */
export async function cacheStatus(db: LeadlightDb): Promise<CacheStatus> {
  const [source, contactCount, feedback, settings, secrets] = await Promise.all([
    db.meta.get('source'),
    db.contacts.count(),
    countFeedbackByDelivery(db),
    loadSettings(db),
    loadSecrets(db),
  ]);
  // Connected means credentials are held: after a disconnect the source still names the CRM, but nothing reaches it.
  const held = describeSecrets(secrets);
  return {
    sourceName: source?.name ?? 'No data loaded',
    dataAsOf: source?.loadedAt ?? null,
    contactCount,
    unsentFeedback: feedback.queued,
    localFeedback: feedback.local,
    crmConnected:
      (settings.source === 'hubspot' && held.hubspotConnected) || (settings.source === 'salesforce' && held.salesforceConnected),
  };
}

type DataMessages =
  | 'getCacheStatus'
  | 'reportHostDiagnostics'
  | 'reportDetection'
  | 'getHostDiagnostics'
  | 'beginImport'
  | 'importRecords'
  | 'finishImport'
  | 'getDataSummary'
  | 'resetDemoData'
  | 'deleteAllLocalData';

/** The cache as a whole: status, imports, demo data, diagnostics, wiping. */
export function dataHandlers({
  db,
  loadDemoData,
  now = () => new Date(),
  sidebarDetected,
  slaChanged,
}: HandlerDeps): Pick<Handlers, DataMessages> {
  return {
    getCacheStatus: () => {
      // The popup asks for this on open: build the search index before the first keystroke.
      warmContactIndex(db);
      return cacheStatus(db);
    },
    reportHostDiagnostics: (report) => saveHostDiagnostics(report, now()),
    // Only a tab's top frame detects; the frame it feeds is that tab's sidebar.
    reportDetection: async (snapshot, sender) => {
      if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) sidebarDetected?.(sender.tab.id, snapshot);
    },
    getHostDiagnostics: () => loadHostDiagnostics(),
    beginImport: ({ replace }) => beginImport(db, replace, now()),
    importRecords: (batch) => upsertRecords(db, batch, now()),
    // Each of these changes which hand-offs there are: the toolbar's overdue count follows.
    finishImport: async ({ fileName, replace }) => {
      await finishImport(db, fileName, now(), replace);
      slaChanged?.();
      return cacheStatus(db);
    },
    getDataSummary: () => summarizeData(db, DEMO_SOURCE_NAME),
    resetDemoData: async () => {
      await replaceDataset(db, loadDemoData(), DEMO_SOURCE_NAME, now());
      slaChanged?.();
      return cacheStatus(db);
    },
    deleteAllLocalData: async () => {
      await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
      // Page detection diagnostics and the sidebar's open or collapsed state live in extension storage.
      await browser.storage.local.clear();
      slaChanged?.();
      return cacheStatus(db);
    },
  };
}
