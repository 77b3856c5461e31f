import { CampaignSchema, TouchSchema } from '../domain/campaign';
import { ContactSchema } from '../domain/contact';
import { campaignIdFor, touchIdFor } from './ids';
import type { RowPipeline } from './pipeline';

/**
 * A JSON import is either an array of flat row objects (mapped like CSV columns)
 * or Leadlight's feed shape `{ contacts, campaigns, touches }`, whose records are
 * already domain objects. JSON has no useful line numbers once parsed, so errors
 * name the item: `line` is its 1-based position and the reason says which list.
 */
export type JsonInput =
  { kind: 'rows'; headers: string[]; rows: string[][] } | { kind: 'feed'; contacts: unknown[]; campaigns: unknown[]; touches: unknown[] };

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
};

export function readJson(text: string): JsonInput {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`This is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (Array.isArray(body)) {
    const items: unknown[] = body;
    const headers = [...new Set(items.flatMap((r) => (r && typeof r === 'object' && !Array.isArray(r) ? Object.keys(r) : [])))];
    const rows = items.map((r) => (r && typeof r === 'object' ? headers.map((h) => cell((r as Record<string, unknown>)[h])) : []));
    return { kind: 'rows', headers, rows };
  }
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const list = (k: string) => (Array.isArray(o[k]) ? (o[k] as unknown[]) : []);
    if (['contacts', 'campaigns', 'touches'].some((k) => Array.isArray(o[k]))) {
      return { kind: 'feed', contacts: list('contacts'), campaigns: list('campaigns'), touches: list('touches') };
    }
  }
  throw new Error('JSON must be an array of rows or an object with contacts, campaigns and touches');
}

/** Fills ids the same way CSV rows get them, so a hand-written feed need not invent any. */
function withIds(section: 'campaigns' | 'touches', item: unknown): unknown {
  if (!item || typeof item !== 'object') return item;
  const r = item as Record<string, unknown>;
  if (r.id) return r;
  if (section === 'campaigns' && typeof r.name === 'string') return { ...r, id: campaignIdFor(r.name) };
  if (section === 'touches' && [r.email, r.campaignId, r.assetName, r.date].every((v) => typeof v === 'string')) {
    return { ...r, id: touchIdFor(String(r.email).trim().toLowerCase(), String(r.campaignId), String(r.assetName), String(r.date)) };
  }
  return r;
}

/** Validates every feed record into the pipeline; a bad record is reported and skipped. */
export function feedIntoPipeline(feed: Extract<JsonInput, { kind: 'feed' }>, pipeline: RowPipeline): void {
  const sections = [
    ['contacts', feed.contacts, ContactSchema, (v: never) => ({ contact: v })],
    ['campaigns', feed.campaigns, CampaignSchema, (v: never) => ({ campaign: v })],
    ['touches', feed.touches, TouchSchema, (v: never) => ({ touch: v })],
  ] as const;
  for (const [section, items, schema, wrap] of sections) {
    items.forEach((item, i) => {
      const parsed = schema.safeParse(section === 'contacts' ? item : withIds(section, item));
      if (parsed.success) return pipeline.record(wrap(parsed.data as never));
      const issue = parsed.error.issues[0];
      pipeline.fail(i + 1, `${section}[${i}] ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    });
  }
  pipeline.end();
}
