import { z } from 'zod';
import type { LeadlightDb, MetaRow } from '../db/database';

/**
 * Picklist labels an org defines (Salesforce describe, HubSpot property options),
 * kept a day: they change rarely, and the background restarts often, so reading
 * them on every restart would double the calls a lookup makes.
 */
export type LabelCache = {
  get: (key: string) => Promise<Record<string, string> | undefined>;
  set: (key: string, labels: Record<string, string>) => Promise<void>;
};

export const LABELS_TTL_MS = 24 * 60 * 60_000;

/** A cache that lives as long as the connector (tests, and connectors built without a database). */
export function memoryLabelCache(): LabelCache {
  const entries = new Map<string, Record<string, string>>();
  return { get: async (key) => entries.get(key), set: async (key, labels) => void entries.set(key, labels) };
}

type LabelsRow = MetaRow & { labels?: unknown };
const Labels = z.record(z.string(), z.string());

/** A cache in the background's database, so labels outlive the service worker. */
export function dbLabelCache(db: LeadlightDb, now: () => number = Date.now): LabelCache {
  const key = (k: string) => `labels:${k}`;
  return {
    get: async (k) => {
      const row: LabelsRow | undefined = await db.meta.get(key(k));
      if (!row?.loadedAt || now() - Date.parse(row.loadedAt) > LABELS_TTL_MS) return undefined;
      const parsed = Labels.safeParse(row.labels);
      return parsed.success ? parsed.data : undefined;
    },
    set: async (k, labels) => {
      const row: LabelsRow = { key: key(k), loadedAt: new Date(now()).toISOString(), labels };
      await db.meta.put(row);
    },
  };
}
