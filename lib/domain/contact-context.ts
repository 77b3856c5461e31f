import { z } from 'zod';
import { CampaignSchema, TouchSchema } from './campaign';
import { ContactSchema } from './contact';
import { FeedbackSchema } from './feedback';
import { PersonaMatchSchema } from './persona';

/** A touch joined with its campaign, ready for the timeline. */
export const TimelineEntrySchema = TouchSchema.extend({ campaign: CampaignSchema.optional() });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** The hand-off SLA for a contact, ready to show (dates as ISO strings, durations in words). */
export const SlaViewSchema = z.object({
  state: z.enum(['met', 'missed', 'on_time', 'due_soon', 'overdue']),
  dueAt: z.string(),
  metAt: z.string().optional(),
  /** Business time left, overdue, early or late, in words ("2 h 15 min"). */
  duration: z.string(),
});
export type SlaView = z.infer<typeof SlaViewSchema>;

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
  upcoming: z.array(CampaignSchema).default([]),
  source: z.object({ name: z.string(), dataAsOf: z.string() }),
});
export type ContactContext = z.infer<typeof ContactContextSchema>;
