import { JSONParser } from '@streamparser/json';
import type { z } from 'zod';
import type { StagedBatch } from '../../db/feed-staging';
import { CampaignSchema, TouchSchema } from '../../domain/campaign';
import { ContactSchema } from '../../domain/contact';
import { PersonaSchema } from '../../domain/persona';
import { ConnectorError } from '../errors';
import type { RowError } from './feed-schema';
import { yieldToOtherTasks } from './pacing';

/**
 * Bounds on one feed. A team's feed of 100k contacts with their touches is tens of
 * megabytes; past these a feed is almost certainly a mistake (a whole data
 * warehouse export), and reading it would hold the browser for minutes.
 */
export type FeedLimits = {
  maxBytes: number;
  maxRows: number;
  /**
   * Records validated before they are handed on to be staged. Staging a batch merges it
   * into the rows staged before, in one task of the worker's: 2,000 records made tasks of
   * 80–170 ms in a trace of a 20 MB feed, so a sidebar lookup waited that long; 200 keep
   * them under about 30 ms.
   */
  batchSize: number;
  /** How long the host may go silent mid-body before the sync gives up. */
  idleMs: number;
};

export const FEED_LIMITS: FeedLimits = { maxBytes: 100 * 1024 * 1024, maxRows: 1_000_000, batchSize: 200, idleMs: 30_000 };

const SCHEMAS = { contacts: ContactSchema, campaigns: CampaignSchema, touches: TouchSchema, personas: PersonaSchema } as const;
type Section = keyof typeof SCHEMAS;
const isSection = (key: unknown): key is Section => typeof key === 'string' && key in SCHEMAS;

/**
 * Bytes parsed (and their records validated) between two chances for the worker to
 * answer anything else. The body arrives in chunks of the network's choosing, up to
 * the whole feed at once: parsed in one go, a 20 MB feed held every sidebar lookup
 * for 5.7 s. A slice this size takes about 5 ms here (32 KB slices: lookups during a
 * 20 MB feed's sync p50 13 ms, p95 35 ms; 16 KB: 9–10 and 28–31 ms).
 */
export const SLICE_BYTES = 16 * 1024;

/** Row errors kept to describe the problem; the count covers them all. */
const KEPT_ERRORS = 5;

/** `errorCount` rows were skipped; `partialCount` contact rows were kept without the fields that failed. */
export type FeedReadResult = { rows: number; errorCount: number; partialCount: number; errors: RowError[]; personas: boolean };

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);
const n = (v: number) => v.toLocaleString('en-US');

export function tooLarge(limits: FeedLimits): ConnectorError {
  return new ConnectorError(
    'invalid_response',
    `The feed is larger than ${size(limits.maxBytes)}, the most Leadlight reads. Publish a smaller feed (for example, contacts active in the last two years). The cached data was kept.`,
  );
}

/**
 * Reads a feed body as it arrives: an incremental JSON parser hands over each
 * record of `contacts`, `campaigns`, `touches` and `personas` as soon as it is
 * complete, so a 20 MB feed is never held as one string or object tree. Records
 * are validated one by one (a bad one is counted and skipped) and passed on in
 * batches; the next bytes are read only once a batch is stored. Refuses a body
 * past the byte or row cap, one that is not JSON, and one that is not a feed.
 */
export async function readFeed(
  body: ReadableStream<Uint8Array>,
  onBatch: (batch: StagedBatch) => Promise<void>,
  limits: FeedLimits = FEED_LIMITS,
): Promise<FeedReadResult> {
  let version: unknown;
  let rows = 0;
  // Contact rows read, and those that failed validation (skipped, so they list no one).
  let contactRows = 0;
  let badContacts = 0;
  let firstBadContact: RowError | undefined;
  let errorCount = 0;
  let partialCount = 0;
  let personas = false;
  const errors: RowError[] = [];
  let batch: StagedBatch = { contacts: [], campaigns: [], touches: [], personas: [] };
  let pending = 0;
  let stop: ConnectorError | undefined;

  const parser = new JSONParser({
    paths: ['$.version', ...Object.keys(SCHEMAS).map((s) => `$.${s}.*`)],
    // Emitted records are dropped from the parser's own tree, so memory stays flat.
    keepStack: false,
  });
  parser.onValue = ({ value, key, stack }) => {
    if (stop) return;
    if (stack.length === 1) {
      if (key === 'version') version = value;
      return;
    }
    const section = stack[1]?.key;
    if (!isSection(section)) return;
    rows += 1;
    if (rows > limits.maxRows) {
      stop = new ConnectorError(
        'invalid_response',
        `The feed lists more than ${n(limits.maxRows)} records, the most Leadlight reads. Publish a smaller feed. The cached data was kept.`,
      );
      return;
    }
    if (section === 'contacts') contactRows += 1;
    if (section === 'personas') personas = true;
    const parsed = (SCHEMAS[section] as z.ZodType).safeParse(value);
    let data: unknown = parsed.data;
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      data = section === 'contacts' ? withoutBadFields(value, parsed.error.issues) : undefined;
      const error = { section, index: Number(key), reason: data ? `${reason} (left out, the rest kept)` : reason };
      if (errors.length < KEPT_ERRORS) errors.push(error);
      if (data) partialCount += 1;
      else errorCount += 1;
      if (section === 'contacts' && !data) {
        badContacts += 1;
        firstBadContact ??= error;
      }
      if (!data) return;
    }
    (batch[section] as unknown[]).push(data);
    pending += 1;
  };

  const flush = async () => {
    if (pending === 0) return;
    const full = batch;
    batch = { contacts: [], campaigns: [], touches: [], personas: [] };
    pending = 0;
    await onBatch(full);
  };

  const reader = body.getReader();
  let bytes = 0;
  let first = true;
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, limits.idleMs);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) throw tooLarge(limits);
      const chunk = first ? withoutBom(value) : value;
      first = false;
      // Chunks already received come back from read() at once, without a task between them.
      for (let at = 0; at < chunk.byteLength; at += SLICE_BYTES) {
        write(parser, chunk.subarray(at, at + SLICE_BYTES));
        if (stop) throw stop;
        if (pending >= limits.batchSize) await flush();
        await yieldToOtherTasks();
      }
    }
    if (!parser.isEnded) write(parser, null);
    await flush();
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    throw e;
  }
  if (version !== 1) throw new ConnectorError('invalid_response', 'Not a Leadlight feed: it needs "version": 1 at the top level.');
  // So would a list of rows that mostly fail: a changed export format, not a team that lost its contacts.
  if (firstBadContact && badContacts * 2 > contactRows)
    throw new ConnectorError(
      'invalid_response',
      `${n(badContacts)} of the feed's ${n(contactRows)} contact rows are invalid (first: contacts[${firstBadContact.index}] ${firstBadContact.reason}). The cached data was kept.`,
    );
  // An empty list would wipe every cached contact: far more often a broken export than a real "no one".
  if (contactRows - badContacts === 0)
    throw new ConnectorError('invalid_response', 'The feed lists no contacts. The cached data was kept.');
  return { rows, errorCount, partialCount, errors, personas };
}

/**
 * A contact row whose only faults are in fields other than its email, with those fields
 * left out: one bad score must not cost the contact's name, title and sources.
 */
function withoutBadFields(value: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const bad = new Set(issues.map((i) => i.path[0]));
  if (!value || typeof value !== 'object' || bad.has('email') || bad.has(undefined)) return undefined;
  const rest = Object.fromEntries(Object.entries(value).filter(([field]) => !bad.has(field)));
  const parsed = ContactSchema.safeParse(rest);
  return parsed.success ? parsed.data : undefined;
}

/** Feeds bytes to the parser (null ends it); any parser complaint means the body is not valid JSON. */
function write(parser: JSONParser, bytes: Uint8Array | null) {
  try {
    if (bytes) parser.write(bytes);
    else parser.end();
  } catch (e) {
    throw new ConnectorError('invalid_response', 'The feed is not valid JSON.', { detail: e instanceof Error ? e.message : String(e) });
  }
}

// Some publishers (Excel, PowerShell) start UTF-8 files with a byte-order mark; JSON forbids it.
function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorError('timeout', 'The feed host stopped sending data.')), ms);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } catch (e) {
    if (e instanceof ConnectorError) throw e;
    throw new ConnectorError('network', 'The connection to the feed host broke off.', { detail: String(e) });
  } finally {
    clearTimeout(timer);
  }
}
