import { z } from 'zod';
import { getContactContext, searchContacts } from '../db/contact-repository';
import type { LeadlightDb } from '../db/database';
import { countUnsentFeedback, listFeedback, retractFeedback, saveFeedback } from '../db/feedback-repository';
import { replaceDataset, type Dataset } from '../db/seed';
import { loadHostDiagnostics, saveHostDiagnostics } from '../diagnostics/host-diagnostics';
import { beginImport, finishImport, upsertRecords } from '../db/import-repository';
import type { CacheStatus, MessageType, Responses } from './protocol';
import { requests } from './requests';

export type HandlerDeps = { db: LeadlightDb; loadDemoData: () => Dataset; now?: () => Date };

type Handlers = { [K in MessageType]: (data: z.output<(typeof requests)[K]>) => Promise<Responses[K]> };

export const DEMO_SOURCE_NAME = 'Demo data (Brightwave Analytics)';

async function cacheStatus(db: LeadlightDb): Promise<CacheStatus> {
  const [source, contactCount, unsentFeedback] = await Promise.all([
    db.meta.get('source'),
    db.contacts.count(),
    countUnsentFeedback(db),
  ]);
  return { sourceName: source?.name ?? 'No data loaded', dataAsOf: source?.loadedAt ?? null, contactCount, unsentFeedback };
}

/** The background's answers, one per message type, over the database. */
export function createHandlers({ db, loadDemoData, now = () => new Date() }: HandlerDeps): Handlers {
  return {
    getContactContexts: async ({ emails }) =>
      Promise.all([...new Set(emails)].map(async (email) => ({ email, context: await getContactContext(db, email) }))),
    getContactContext: ({ email }) => getContactContext(db, email),
    searchContacts: ({ query }) => searchContacts(db, query),
    submitLeadFeedback: (input) => saveFeedback(db, input, input.author ?? 'unknown', now()),
    retractLeadFeedback: async ({ id }) => ({ retracted: await retractFeedback(db, id) }),
    listLeadFeedback: () => listFeedback(db),
    getCacheStatus: () => cacheStatus(db),
    reportHostDiagnostics: (report) => saveHostDiagnostics(report, now()),
    getHostDiagnostics: () => loadHostDiagnostics(),
    beginImport: ({ replace }) => beginImport(db, replace),
    importRecords: (batch) => upsertRecords(db, batch),
    finishImport: async ({ fileName }) => {
      await finishImport(db, fileName, now());
      return cacheStatus(db);
    },
    resetDemoData: async () => {
      await replaceDataset(db, loadDemoData(), DEMO_SOURCE_NAME, now());
      return cacheStatus(db);
    },
  };
}

/** Who sent a message, as the browser reports it. */
export type SenderInfo = { id?: string; url?: string };

/** Raised for requests that are refused before any handler runs. */
export class RejectedMessageError extends Error {
  override name = 'RejectedMessageError';
}

/**
 * Validates and routes one request. Messages from anything but this extension's
 * own scripts and pages are refused, and a body that fails its schema never
 * reaches a handler.
 */
export async function dispatch<K extends MessageType>(
  handlers: Handlers,
  ownId: string,
  type: K,
  data: unknown,
  sender: SenderInfo,
): Promise<Responses[K]> {
  if (sender.id !== ownId) throw new RejectedMessageError('Message from outside Leadlight refused');
  const schema = requests[type];
  if (!schema) throw new RejectedMessageError(`Unknown message ${String(type)}`);
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw new RejectedMessageError(`Invalid ${String(type)}: ${z.prettifyError(parsed.error)}`);
  return handlers[type](parsed.data as never) as Promise<Responses[K]>;
}
