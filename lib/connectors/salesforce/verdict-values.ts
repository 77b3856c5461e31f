import type { Feedback } from '../../domain/feedback';
import { reasonLabel } from '../../domain/feedback-reasons';
import type { ReasonDefinition } from '../../domain/reason-definition';
import type { ObjectVerdictFields, VerdictOutcome } from '../../settings/salesforce-verdict-fields';

/** Which of the admin's values a verdict takes: a hand-off decision has its own pair. */
export function verdictOutcome(feedback: Pick<Feedback, 'verdict' | 'kind'>): VerdictOutcome {
  if (feedback.kind === 'handoff') return feedback.verdict === 'good' ? 'accepted' : 'rejected';
  return feedback.verdict;
}

/**
 * The fields one verdict sets on its Lead or Contact, by the admin's mapping: every
 * mapped field in one body, so one PATCH carries them all. A field whose value is
 * "leave unchanged" for this verdict (or a verdict without a reason) is left out,
 * never cleared; an empty result means no PATCH at all.
 */
export function verdictFieldValues(
  mapping: ObjectVerdictFields | undefined,
  feedback: Pick<Feedback, 'verdict' | 'kind' | 'reasonId'>,
  reasons: readonly ReasonDefinition[],
): Record<string, string> {
  const values: Record<string, string> = {};
  const verdictValue = mapping?.verdict?.values[verdictOutcome(feedback)];
  if (mapping?.verdict && verdictValue) values[mapping.verdict.field] = verdictValue;
  const reason = mapping?.reason;
  if (reason && feedback.reasonId) {
    // A text field holds the label as the team wrote it; Salesforce refuses a value longer than the field.
    const value =
      reason.kind === 'picklist' ? reason.values[feedback.reasonId] : reasonLabel(feedback.reasonId, reasons).slice(0, reason.length);
    if (value) values[reason.field] = value;
  }
  return values;
}
