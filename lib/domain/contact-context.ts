import { z } from 'zod';
import { CampaignSchema, TouchSchema } from './campaign';
import { ContactSchema } from './contact';
import { FeedbackSchema } from './feedback';
import { PersonaMatchSchema } from './persona';

/** A touch joined with its campaign, ready for the timeline. */
export const TimelineEntrySchema = TouchSchema.extend({ campaign: CampaignSchema.optional() });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Everything the sidebar shows for one contact, assembled in the background. */
export const ContactContextSchema = z.object({
  contact: ContactSchema,
  /** Newest first. */
  timeline: z.array(TimelineEntrySchema),
  /** Best match first; empty when no personas are defined. */
  personaMatches: z.array(PersonaMatchSchema),
  lastFeedback: FeedbackSchema.optional(),
  source: z.object({ name: z.string(), dataAsOf: z.string() }),
});
export type ContactContext = z.infer<typeof ContactContextSchema>;
