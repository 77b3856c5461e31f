import { loadReasons } from '../../db/definitions-repository';
import { listFeedback, retractFeedback, saveFeedback } from '../../db/feedback-repository';
import { discardFeedbackDelivery, retryFeedbackDelivery } from '../../outbox/outbox';
import type { HandlerDeps, Handlers } from './deps';

type FeedbackMessages = 'submitLeadFeedback' | 'retractLeadFeedback' | 'listLeadFeedback' | 'retryFeedback' | 'discardFeedback';

/** Verdicts: stored first, then queued for the connected CRM (if any). */
export function feedbackHandlers(deps: HandlerDeps): Pick<Handlers, FeedbackMessages> {
  const { db, now = () => new Date() } = deps;
  return {
    submitLeadFeedback: async (input) => {
      if (input.reasonId) {
        const reason = (await loadReasons(db)).find((r) => r.id === input.reasonId);
        if (!reason || reason.retired) throw new Error('That reason is not in the team’s list any more. Pick another.');
        if (reason.verdict !== input.verdict) throw new Error('That reason does not belong to this verdict.');
      }
      const connector = await deps.liveConnector?.();
      const target = connector?.deliverFeedback ? connector.id : undefined;
      const stored = await saveFeedback(db, input, input.author ?? 'unknown', now(), crypto.randomUUID(), target);
      if (target) deps.kickOutbox?.();
      return stored;
    },
    retractLeadFeedback: async ({ id }) => ({ retracted: await retractFeedback(db, id) }),
    listLeadFeedback: () => listFeedback(db),
    retryFeedback: async ({ id }) => {
      const ok = await retryFeedbackDelivery(db, id, now());
      if (ok) deps.kickOutbox?.();
      return { ok };
    },
    discardFeedback: async ({ id }) => ({ ok: await discardFeedbackDelivery(db, id) }),
  };
}
