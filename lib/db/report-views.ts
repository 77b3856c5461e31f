import { ReportViewSchema, type LastReportView, type ReportView } from '../domain/report-view';
import type { AttributionModel, ReportDimension } from '../domain/report-schema';
import { loadSettings } from '../settings/settings';
import type { LeadlightDb } from './database';
import { cachedTable } from './small-table-cache';

/**
 * The last report computed per question, kept so that a report opened after the
 * background was stopped shows figures at once (labelled with their time) while it
 * reads every contact again. Only for the data they came from: a view is never shown
 * once that data has been replaced.
 */

/** The groupings and periods a marketer goes back to; each view is tens of kilobytes. */
const KEPT = 8;

/** One question the report answers, as getReport receives it. */
export type ReportQuestion = { dimension: ReportDimension; model: AttributionModel; onlyMine: boolean; from: string; to: string };

/** The key a question's last view is kept under. */
export function reportViewKey(q: ReportQuestion): string {
  return [q.dimension, q.model, q.onlyMine, q.from, q.to].join('|');
}

/**
 * Which data a report comes from, cheap to read in a background that just started.
 * It changes when the data is replaced: another source, another import or demo reload
 * (the source row's name and load time), another feed URL, and for "only mine" another
 * rep. It stays when the same data grows or is brought up to date (verdicts given, the
 * team's verdicts read again, a feedback file merged in, the feed's scheduled refresh):
 * an earlier view is then older, not about other data, and the page says how old.
 * The rep follows on a line of its own, so the team's views and "only mine" share the data part.
 */
export async function reportDataStamp(db: LeadlightDb, onlyMine: boolean): Promise<string> {
  const [settings, source] = await Promise.all([loadSettings(db), cachedTable(db, 'meta', () => db.meta.get('source'), 'source')]);
  const load = settings.source === 'feed' ? [settings.feed?.url, source?.name] : [source?.name, source?.loadedAt];
  const data = JSON.stringify([settings.source, ...load.map((v) => v ?? '')]);
  return onlyMine ? `${data}\nmine ${settings.rep?.email ?? ''}` : data;
}

/** A stamp's data and, for "only mine", whose verdicts (JSON holds no raw line break). */
function stampParts(stamp: string): { data: string; mine?: string } {
  const at = stamp.indexOf('\n');
  return at < 0 ? { data: stamp } : { data: stamp.slice(0, at), mine: stamp.slice(at + 1) };
}

/**
 * Keeps a computed view as its question's last one, with the stamp read before its data,
 * and keeps only the most recently computed few. Views of data since replaced are dropped:
 * those of other data, and "only mine" of another rep once this rep's is kept. The team's
 * views and this rep's are of the same data, and stay side by side.
 */
export async function keepReportView(db: LeadlightDb, q: ReportQuestion, stamp: string, view: ReportView, computedAt: Date): Promise<void> {
  const kept = stampParts(stamp);
  const replaced = (other: string) => {
    const parts = stampParts(other);
    return parts.data !== kept.data || (kept.mine !== undefined && parts.mine !== undefined && parts.mine !== kept.mine);
  };
  await db.transaction('rw', db.reportViews, async () => {
    await db.reportViews.put({ key: reportViewKey(q), stamp, computedAt: computedAt.toISOString(), view });
    // A handful of stamps at most: one per data and rep since the last replacement.
    const stamps = (await db.reportViews.orderBy('stamp').uniqueKeys()).map(String).filter(replaced);
    const gone = stamps.length ? await db.reportViews.where('stamp').anyOf(stamps).primaryKeys() : [];
    const older = await db.reportViews.orderBy('computedAt').reverse().offset(KEPT).primaryKeys();
    await db.reportViews.bulkDelete([...gone, ...older]);
  });
}

/** The question's last view and when it was computed; null when none was kept from the data held now. */
export async function lastReportView(db: LeadlightDb, q: ReportQuestion): Promise<LastReportView | null> {
  const [row, stamp] = await Promise.all([db.reportViews.get(reportViewKey(q)), reportDataStamp(db, q.onlyMine)]);
  if (!row || row.stamp !== stamp) return null;
  const parsed = ReportViewSchema.safeParse(row.view);
  return parsed.success ? { view: parsed.data, computedAt: row.computedAt } : null;
}
