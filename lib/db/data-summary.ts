import type { DataSummary } from '../messaging/protocol';
import type { LeadlightDb } from './database';
import { packedCount } from '../domain/packed-touches';

/**
 * Counts what the cache holds, for the warning before it is replaced. Touches live
 * in their contacts' rows, so counting them reads every row: about a second at
 * 100k contacts, and only asked for when a replace is about to happen.
 */
export async function summarizeData(db: LeadlightDb, demoSourceName: string): Promise<DataSummary> {
  let touches = 0;
  const [source, contacts, campaigns, feedback] = await Promise.all([
    db.meta.get('source'),
    db.contacts.count(),
    db.campaigns.count(),
    db.feedback.count(),
    db.contacts.each((row) => {
      touches += packedCount(row.touches);
    }),
  ]);
  const sourceName = source?.name ?? 'No data loaded';
  return { sourceName, demo: sourceName === demoSourceName, contacts, touches, campaigns, feedback };
}
