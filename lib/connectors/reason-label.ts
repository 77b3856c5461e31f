import { FEEDBACK_REASONS, reasonLabel } from '../domain/feedback-reasons';
import type { ReasonDefinition } from '../domain/reason-definition';

/**
 * A reason as the team labels it, for what a CRM record shows: the team's list first
 * (a reason it added, or renamed), then the built-in one (a list saved before a
 * built-in reason existed), else the id as stored.
 */
export function teamReasonLabel(id: string | undefined, reasons: readonly ReasonDefinition[] = FEEDBACK_REASONS): string {
  return reasonLabel(id, reasons === FEEDBACK_REASONS ? reasons : [...reasons, ...FEEDBACK_REASONS]);
}
