import { z } from 'zod';
import { FEEDBACK_REASONS } from './feedback-reasons';
import { VerdictSchema } from './feedback';

/**
 * A feedback reason as a team defines it. FEEDBACK_REASONS is the built-in list;
 * a marketing team can hand reps its own (see persona-exchange.ts). Retired
 * reasons are kept so old feedback still reports under its proper label and group.
 */
export const ReasonDefinitionSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    verdict: VerdictSchema,
    group: z.enum(['good', 'rejection', 'disqualification']),
    label: z.string().trim().min(1).max(200),
    retired: z.boolean().optional(),
    /** The reason asks for a date, e.g. "Recycle to nurture" until a day the rep picks. */
    carriesDate: z.boolean().optional(),
  })
  // A good verdict explained by a rejection reason would corrupt the report's groups.
  .refine((r) => (r.verdict === 'good') === (r.group === 'good'), {
    message: 'A good-verdict reason must be in the "good" group, and a bad one in "rejection" or "disqualification"',
    path: ['group'],
  });
export type ReasonDefinition = z.infer<typeof ReasonDefinitionSchema>;
export type ReasonGroup = ReasonDefinition['group'];

/** The built-in reasons as definitions. */
export const DEFAULT_REASON_DEFINITIONS: readonly ReasonDefinition[] = FEEDBACK_REASONS;
