import { z } from 'zod';
import { CampaignSchema, TouchSchema } from '../../domain/campaign';
import { ContactSchema } from '../../domain/contact';
import { PersonaSchema } from '../../domain/persona';

/**
 * The JSON file marketing ops publishes for Leadlight to fetch. The README shows
 * it as JSON Schema generated from this definition (tests keep the two in sync).
 */
export const FeedSchema = z.object({
  /** Bumped when the format changes incompatibly. */
  version: z.literal(1),
  generatedAt: z.iso.datetime({ offset: true }).optional(),
  contacts: z.array(ContactSchema),
  campaigns: z.array(CampaignSchema),
  touches: z.array(TouchSchema),
  /** Optional: a team's shared persona definitions. */
  personas: z.array(PersonaSchema).optional(),
});
export type Feed = z.infer<typeof FeedSchema>;

/** The feed's JSON Schema, for the people who publish it. */
export function feedJsonSchema(): object {
  return z.toJSONSchema(FeedSchema, { io: 'input', unrepresentable: 'any' });
}

export type RowError = { section: string; index: number; reason: string };

/**
 * Validates a feed row by row: a bad row is reported and skipped, never the
 * whole feed. Only a body that is not a feed at all is refused outright.
 */
export function parseFeed(body: unknown): { feed: Feed; errors: RowError[] } | { error: string } {
  const envelope = z
    .object({
      version: z.literal(1),
      generatedAt: z.string().optional(),
      contacts: z.array(z.unknown()),
      campaigns: z.array(z.unknown()),
      touches: z.array(z.unknown()),
      personas: z.array(z.unknown()).optional(),
    })
    .safeParse(body);
  if (!envelope.success) return { error: `Not a Leadlight feed: ${z.prettifyError(envelope.error)}` };
  const errors: RowError[] = [];
  const rows = <T>(section: string, items: unknown[], schema: z.ZodType<T>): T[] =>
    items.flatMap((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) return [parsed.data];
      errors.push({ section, index, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return [];
    });
  const e = envelope.data;
  return {
    feed: {
      version: 1,
      generatedAt: e.generatedAt,
      contacts: rows('contacts', e.contacts, ContactSchema),
      campaigns: rows('campaigns', e.campaigns, CampaignSchema),
      touches: rows('touches', e.touches, TouchSchema),
      personas: e.personas ? rows('personas', e.personas, PersonaSchema) : undefined,
    },
    errors,
  };
}
