import type { LeadlightDb } from './database';
import { isEmpty, replaceDataset, type Dataset } from './seed';

/**
 * Loads the bundled demo data when the cache is empty. Runs on every worker start
 * (not only onInstalled) because a worker killed mid-install must still end up seeded.
 */
export async function ensureSeeded(db: LeadlightDb, load: () => Dataset, sourceName: string): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await replaceDataset(db, load(), sourceName);
  return true;
}
