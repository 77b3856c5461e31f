import { z } from 'zod';
import { CampaignSchema, TouchSchema, type Campaign, type Touch } from './campaign';
import { ContactSchema, EmailSchema, type Contact } from './contact';
import { fastParser } from './fast-parse';
import {
  groupTouches,
  hasRepeatedIds,
  mergeTouches,
  packTouches,
  TEXT_FIELDS,
  unpackTouches,
  WIDTH,
  type PackedTouches,
  type StoredTouch,
} from './packed-touches';

/** One person's touches in an import batch, packed as their contact row stores them. */
export type ContactTouches = [email: string, touches: PackedTouches];

/**
 * One batch of an import, as the import worker sends it to the background. Touches
 * travel packed per person (./packed-touches.ts): as objects, each repeated its key
 * names and its person's email, which made the batch text about four times longer
 * to write, relay, read and check, and the background then packed them anyway.
 */
export type ImportBatch = { contacts: Contact[]; campaigns: Campaign[]; touches: ContactTouches[] };

/** The background's limits per batch: what one message and one write transaction should hold. */
export const MAX_BATCH_CONTACTS = 5000;
export const MAX_BATCH_TOUCHES = 20_000;
/** Campaigns one batch may carry: a file naming a new campaign on every row reaches it before any other limit. */
export const MAX_BATCH_CAMPAIGNS = 5000;

/** Touches as a batch carries them: grouped by person in the order people first appear, a repeated touch id once (its later values). */
export function touchesByContact(touches: readonly Touch[]): ContactTouches[] {
  return [...groupTouches(touches)].map(([email, list]) => {
    const packed = packTouches(list);
    return [email, hasRepeatedIds(packed) ? packTouches(mergeTouches([], list)) : packed];
  });
}

/** A batch from records as the rest of the code holds them. */
export const importBatch = (records: { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[] }): ImportBatch => ({
  ...records,
  touches: touchesByContact(records.touches),
});

const StoredTouchSchema = TouchSchema.omit({ email: true });
const fieldParsers = TEXT_FIELDS.map((f) => fastParser(StoredTouchSchema.shape[f]));
const readStoredTouch = fastParser(StoredTouchSchema);

/**
 * Checks every touch of a batch field by field with the touch schema's own field
 * schemas, without building the touch objects. An issue names the touch by its
 * place among all the batch's touches (`touches[3].date`). A person listed twice,
 * a touch listed twice, or a value the schema would change (an untrimmed type) is
 * read through the object schema and packed again, so what is stored is exactly
 * what the schema gives.
 */
function checkTouches(pairs: readonly ContactTouches[], ctx: z.RefinementCtx): ContactTouches[] {
  let first = 0;
  const byEmail = new Map<string, PackedTouches>();
  const redo = new Set<string>();
  for (const [email, packed] of pairs) {
    const count = packed.t.length / WIDTH;
    if (!Number.isInteger(count)) {
      ctx.addIssue({ code: 'custom', message: `Packed touches need ${WIDTH} numbers each`, path: ['touches', first] });
      continue;
    }
    if (!checkPacked(packed, first, ctx) || hasRepeatedIds(packed)) redo.add(email);
    if (byEmail.has(email)) redo.add(email);
    byEmail.set(email, byEmail.has(email) ? packTouches([...unpackTouches(byEmail.get(email)), ...unpackTouches(packed)]) : packed);
    first += count;
  }
  if (first > MAX_BATCH_TOUCHES)
    ctx.addIssue({ code: 'custom', message: `At most ${MAX_BATCH_TOUCHES} touches a batch`, path: ['touches'] });
  return [...byEmail].map(([email, packed]): ContactTouches => [email, redo.has(email) ? reread(packed) : packed]);
}

/**
 * True when every value passes its field's schema unchanged and every text is some
 * touch's (so nothing unread is stored); issues for the values that fail.
 */
function checkPacked({ s, t }: PackedTouches, first: number, ctx: z.RefinementCtx): boolean {
  let exact = true;
  const used = new Uint8Array(s.length);
  for (let j = 0, n = first; j < t.length; n++) {
    for (let f = 0; f < TEXT_FIELDS.length; f++, j++) {
      const i = t[j]!;
      const value = Number.isInteger(i) && i >= 0 && i < s.length ? s[i] : i === -1 ? undefined : null;
      if (typeof value === 'string') used[i] = 1;
      const read = fieldParsers[f]!(value);
      if (!read.success) for (const issue of read.error.issues) ctx.addIssue({ ...issue, path: ['touches', n, TEXT_FIELDS[f]!] });
      else if (read.data !== value) exact = false;
    }
    if (t[j] !== 0 && t[j] !== 1)
      ctx.addIssue({ code: 'custom', message: 'Expected 1 or 0 (responded)', path: ['touches', n, 'responded'] });
    j++;
  }
  return exact && used.every((u) => u === 1);
}

/** Touches read through the object schema (trimmed as it trims), a repeated id kept once with its later values. */
function reread(packed: PackedTouches): PackedTouches {
  const touches = unpackTouches(packed).map((t) => readStoredTouch(t));
  return packTouches(
    mergeTouches(
      [],
      touches.flatMap((r): StoredTouch[] => (r.success ? [r.data] : [])),
    ),
  );
}

/** An import batch as the background receives it; the counts are the limits above. */
export const ImportBatchSchema = z
  .object({
    contacts: z.array(ContactSchema).max(MAX_BATCH_CONTACTS),
    campaigns: z.array(CampaignSchema).max(MAX_BATCH_CAMPAIGNS),
    touches: z
      .array(z.tuple([EmailSchema, z.object({ s: z.array(z.string().max(2000)), t: z.array(z.number()) })]))
      .max(MAX_BATCH_CONTACTS),
  })
  .transform((batch, ctx): ImportBatch => ({ ...batch, touches: checkTouches(batch.touches, ctx) }));
