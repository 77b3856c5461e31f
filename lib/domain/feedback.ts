import { z } from 'zod';
import { EmailSchema } from './contact';
import { IsoDateSchema } from './open-value';

export const VerdictSchema = z.enum(['good', 'bad']);

/**
 * `quality`: is this a good lead (sales qualified or disqualified it). `handoff`:
 * sales accepts the hand-off (a sales-accepted lead, verdict good) or rejects it
 * back to marketing (verdict bad, with a rejection reason). Both are verdicts: a
 * rep's latest one on a contact, of either kind, is the current one.
 */
export const VerdictKindSchema = z.enum(['quality', 'handoff']);

/** A calendar day such as 2027-02-01, for a lead recycled to nurture until then. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-02-01');

/**
 * Delivery state towards the system of record: `local` (no CRM connected, or the
 * user chose not to send it), `pending` (queued), `sending` (a request may be in
 * flight; after a restart its outcome is checked before any retry), `sent`, `failed`.
 */
export const SyncStateSchema = z.enum(['local', 'pending', 'sending', 'sent', 'failed']);

/** What a rep submits; the background adds id, author and time. */
export const FeedbackInputSchema = z
  .object({
    email: EmailSchema,
    verdict: VerdictSchema,
    reasonId: z.string().min(1).max(100).optional(),
    note: z.string().max(2000).optional(),
    kind: VerdictKindSchema.optional(),
    /** "Recycle to nurture": the day marketing may hand the lead over again. */
    recycleOn: DaySchema.optional(),
    /**
     * Accepted for older senders and ignored: the background signs each verdict with the
     * rep from Settings or the connected CRM user, never with what a page showed.
     */
    author: z.string().max(300).optional(),
  })
  // Whether the reason exists and fits the verdict depends on the team's reason list,
  // which the background checks when the verdict arrives.
  .refine((f) => f.verdict === 'good' || !!f.reasonId, { message: 'A bad-lead verdict needs a reason', path: ['reasonId'] });
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;
export type { Verdict } from './feedback-reasons';

/** A CRM account: a HubSpot portal, or a Salesforce org (by id, or by its My Domain host for older tokens). */
export const CrmAccountSchema = z.object({
  name: z.string().max(300),
  portalId: z.number().optional(),
  orgId: z.string().max(18).optional(),
  host: z.string().max(300).optional(),
});
export type CrmAccount = z.infer<typeof CrmAccountSchema>;

export const FeedbackSchema = z.object({
  id: z.string().min(1),
  email: EmailSchema,
  verdict: VerdictSchema,
  reasonId: z.string().optional(),
  note: z.string().max(2000).optional(),
  /** Absent on verdicts stored before hand-off decisions existed: those are `quality`. */
  kind: VerdictKindSchema.optional(),
  recycleOn: DaySchema.optional(),
  /** The same rep's earlier verdict on this contact that this one replaces, in the CRM and in reports. */
  supersedes: z.string().optional(),
  author: z.string().max(300),
  createdAt: IsoDateSchema,
  syncState: SyncStateSchema,
  syncError: z.string().optional(),
  /**
   * Sent, but fields the admin mapped beside the CRM record (Salesforce Lead fields)
   * were not set: what the CRM said, naming it, the object and the fields.
   */
  fieldProblem: z.string().optional(),
  /** Delivery attempts so far; drives the backoff and the cap, and starts again when the user retries. */
  attempts: z.number().int().nonnegative().default(0),
  /** Delivery attempts ever started, never reset: a retry the user asked for may still meet a record an earlier attempt wrote. */
  tries: z.number().int().nonnegative().optional(),
  /** Earliest time the outbox may try again. */
  nextAttemptAt: IsoDateSchema.optional(),
  /** Which connector it goes to, fixed when queued so a later source switch does not redirect it. */
  target: z.string().optional(),
  /**
   * The account of `target` it was given under, stamped on its first attempt (or when an account
   * switch holds it back): it is sent there and to no other portal or org.
   */
  account: CrmAccountSchema.optional(),
  /** The account connected instead when it was held back for that: a Retry by the rep sends it there. */
  switchedTo: CrmAccountSchema.optional(),
  /** The note / Task id the CRM gave it, once sent. */
  remoteId: z.string().optional(),
  sentAt: IsoDateSchema.optional(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/**
 * Whether an attempt before this one may already have written the verdict to the CRM
 * (its answer lost): then the connector looks for that record before writing another.
 * Counted over every attempt, including those before the user pressed Retry.
 */
export const mayHaveBeenWritten = (f: Pick<Feedback, 'attempts' | 'tries'>): boolean => (f.tries ?? f.attempts) > 1;

/**
 * How old a verdict may be on its first attempt before the CRM is read for a newer
 * verdict first. A verdict normally goes out within a minute or two of being given
 * (the undo grace, then the outbox's one-minute alarm), so the happy path keeps to
 * its fewest calls; one delivered later waited (offline, or retried by the user), and
 * a colleague's newer verdict may have reached the record meanwhile.
 */
export const LATE_DELIVERY_MS = 5 * 60_000;

export const isLateDelivery = (f: Pick<Feedback, 'createdAt'>, nowMs: number): boolean =>
  nowMs - Date.parse(f.createdAt) > LATE_DELIVERY_MS;
