import { z } from 'zod';
import { CampaignSchema, TouchSchema } from './campaign';
import { ContactSchema } from './contact';
import { FeedbackSchema } from './feedback';
import { PersonaMatchSchema } from './persona';

/** A touch joined with its campaign, ready for the timeline. */
export const TimelineEntrySchema = TouchSchema.extend({ campaign: CampaignSchema.optional() });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Where the first touch after a hand-off is known from (see lib/domain/first-touch.ts). */
export const FirstTouchViewSchema = z.discriminatedUnion('via', [
  /**
   * An activity the CRM or an import logged: `activity` its type as written ("Call", "Demo"), `category`
   * Leadlight's (absent for touches stored before it was kept); `source` names the live CRM it was read from.
   */
  z.object({
    via: z.literal('logged'),
    at: z.string(),
    activity: z.string(),
    category: z.string().optional(),
    label: z.string(),
    source: z.string().optional(),
  }),
  /** The rep's own message to the contact, seen by Leadlight in the mail client. */
  z.object({ via: z.literal('seen'), at: z.string(), host: z.enum(['gmail', 'outlook']) }),
  /** A lead status that means the lead was worked; no time recorded. */
  z.object({ via: z.literal('status'), status: z.string() }),
  /** The CRM's date of the latest activity; it proves a touch, not when the first was. */
  z.object({ via: z.literal('last_activity'), at: z.string() }),
]);
export type FirstTouchView = z.infer<typeof FirstTouchViewSchema>;

/** The hand-off SLA for a contact, ready to show (dates as ISO strings, durations in words). */
export const SlaViewSchema = z.object({
  state: z.enum(['met', 'missed', 'on_time', 'due_soon', 'overdue']),
  dueAt: z.string(),
  /** Absent for a first touch whose time was not recorded ("met (time not recorded)"). */
  metAt: z.string().optional(),
  /** Business time left, overdue, early or late, in words ("2 h 15 min"); empty when no time is known. */
  duration: z.string(),
  firstTouch: FirstTouchViewSchema.optional(),
});
export type SlaView = z.infer<typeof SlaViewSchema>;

/** Where some data came from and when: "from Salesforce, 10:32". */
export const SourceStampSchema = z.object({ name: z.string(), at: z.string().optional() });
export type SourceStamp = z.infer<typeof SourceStampSchema>;

/** Everything the sidebar shows for one contact, assembled in the background. */
export const ContactContextSchema = z.object({
  contact: ContactSchema,
  /** Newest first. */
  timeline: z.array(TimelineEntrySchema),
  /** Best match first; empty when no personas are defined. */
  personaMatches: z.array(PersonaMatchSchema),
  lastFeedback: FeedbackSchema.optional(),
  /** Absent when the contact was never handed to sales. */
  sla: SlaViewSchema.optional(),
  /** Campaigns ahead that fit this contact's persona or stage, soonest first. */
  upcoming: z.array(CampaignSchema.extend({ when: z.string(), fit: z.string() })).default([]),
  source: z.object({ name: z.string(), dataAsOf: z.string() }),
  /**
   * Per section and per field: the record's source and when it was fetched, and any
   * field that came from a different source than the rest (an earlier import kept
   * a field the later one left blank).
   */
  sources: z.object({ record: SourceStampSchema, fields: z.record(z.string(), SourceStampSchema) }).optional(),
});
export type ContactContext = z.infer<typeof ContactContextSchema>;
