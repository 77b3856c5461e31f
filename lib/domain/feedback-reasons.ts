import type { ReasonDefinition } from './reason-definition';

/**
 * Reasons follow the lead-management practice marketing teams report on:
 * a lead is *rejected* before sales makes contact (it should never have been
 * handed over) or *disqualified* after contact (a real person, but no deal).
 */
export const FEEDBACK_REASONS = [
  { id: 'right_persona', verdict: 'good', group: 'good', label: 'Right persona' },
  { id: 'active_project', verdict: 'good', group: 'good', label: 'Active project' },
  { id: 'budget_confirmed', verdict: 'good', group: 'good', label: 'Budget confirmed' },
  { id: 'meeting_booked', verdict: 'good', group: 'good', label: 'Meeting booked' },
  { id: 'wrong_person', verdict: 'bad', group: 'rejection', label: 'Wrong person / misrouted' },
  { id: 'bad_data', verdict: 'bad', group: 'rejection', label: 'Bad or incomplete data' },
  { id: 'outside_target', verdict: 'bad', group: 'rejection', label: 'Outside target market' },
  { id: 'duplicate', verdict: 'bad', group: 'rejection', label: 'Duplicate' },
  // Not ready yet: marketing nurtures the lead until the date the rep gives, then may hand it over again.
  { id: 'recycle_nurture', verdict: 'bad', group: 'rejection', label: 'Recycle to nurture', carriesDate: true },
  { id: 'no_need', verdict: 'bad', group: 'disqualification', label: 'No need' },
  { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget' },
  { id: 'no_authority', verdict: 'bad', group: 'disqualification', label: 'No authority' },
  { id: 'bad_timing', verdict: 'bad', group: 'disqualification', label: 'Bad timing' },
  { id: 'unreachable', verdict: 'bad', group: 'disqualification', label: 'Unreachable' },
  { id: 'not_a_buyer', verdict: 'bad', group: 'disqualification', label: 'Competitor / student / job seeker' },
] as const;

export type Verdict = 'good' | 'bad';

export const REASON_GROUP_LABELS = {
  good: 'Why it is a good lead',
  rejection: 'Rejected before contact',
  disqualification: 'Disqualified after contact',
} as const;

/** Reasons offered for a verdict, in display order; retired ones are no longer offered. */
export function reasonsFor(verdict: Verdict, list: readonly ReasonDefinition[] = FEEDBACK_REASONS): ReasonDefinition[] {
  return list.filter((r) => r.verdict === verdict && !r.retired);
}

/** A reason's label, retired ones included; an id no list knows is shown as is. */
export function reasonLabel(id: string | undefined, list: readonly ReasonDefinition[] = FEEDBACK_REASONS): string {
  if (!id) return '';
  return list.find((r) => r.id === id)?.label ?? id;
}
