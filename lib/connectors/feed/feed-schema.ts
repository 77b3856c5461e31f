import { z } from 'zod';
import { CampaignSchema, TouchSchema } from '../../domain/campaign';
import { ContactSchema } from '../../domain/contact';
import { PersonaSchema } from '../../domain/persona';

// Which fields a live CRM sent unreadable is the connectors' bookkeeping, not something a feed declares.
const FeedContactSchema = ContactSchema.omit({ unknownFields: true });

/**
 * The JSON file marketing ops publishes for Leadlight to fetch. The README shows
 * it as JSON Schema generated from this definition (tests keep the two in sync).
 */
export const FeedSchema = z.object({
  /** Bumped when the format changes incompatibly. */
  version: z.literal(1),
  generatedAt: z.iso.datetime({ offset: true }).optional(),
  contacts: z.array(FeedContactSchema),
  campaigns: z.array(CampaignSchema),
  touches: z.array(TouchSchema),
  /** Optional: a team's shared persona definitions. */
  personas: z.array(PersonaSchema).optional(),
});

/** The feed's JSON Schema, for the people who publish it. */
export function feedJsonSchema(): object {
  return z.toJSONSchema(FeedSchema, { io: 'input', unrepresentable: 'any' });
}

/** A feed record that failed validation: which list, its position there, and why. */
export type RowError = { section: string; index: number; reason: string };
