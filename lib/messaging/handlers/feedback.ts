import { contactNames } from '../../db/contact-search';
import { loadReasons } from '../../db/definitions-repository';
import { listFeedback, recordVerdict, retractFeedback } from '../../db/feedback-repository';
import { discardFeedbackDelivery, retryFeedbackDelivery } from '../../outbox/outbox';
import type { Connector } from '../../connectors/connector';
import type { LeadlightDb } from '../../db/database';
import { loadSettings } from '../../settings/settings';
import { DEMO_AUTHOR } from '../../team/team-source';
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
        if (reason.carriesDate && !input.recycleOn)
          throw new Error(`“${reason.label}” needs a date: pick when marketing may hand the lead over again.`);
      }
      if (input.recycleOn && !input.reasonId) throw new Error('A date goes with a reason such as “Recycle to nurture”.');
      const connector = await deps.liveConnector?.();
      const target = connector?.deliverFeedback ? connector.id : undefined;
      // The author is decided here, never by the sender: a page can forge any address it shows.
      const author = await feedbackAuthor(db, connector);
      const stored = await recordVerdict(db, input, author, now(), target);
      if (target && !stored.unchanged) deps.kickOutbox?.();
      // A hand-off rejected back to marketing leaves the rep's queue (see rep-queue.ts).
      if (!stored.unchanged && input.kind === 'handoff') deps.slaChanged?.();
      return stored;
    },
    retractLeadFeedback: async ({ id }) => {
      const retracted = await retractFeedback(db, id);
      if (retracted) deps.slaChanged?.();
      return { retracted };
    },
    listLeadFeedback: async () => {
      // Every verdict a team is likely to hold; the options page pages through them.
      const list = await listFeedback(db, 20_000);
      const names = await contactNames(db, new Set(list.map((f) => f.email)));
      return list.map((f) => (names.has(f.email) ? { ...f, contactName: names.get(f.email) } : f));
    },
    retryFeedback: async ({ id }) => {
      const ok = await retryFeedbackDelivery(db, id, now());
      if (ok) deps.kickOutbox?.();
      return { ok };
    },
    discardFeedback: async ({ id }) => ({ ok: await discardFeedbackDelivery(db, id) }),
  };
}

/**
 * Whose name a verdict carries: the rep as set in Settings, else the connected CRM user,
 * else on the demo Alex Rivera, whose inbox it is (so "only mine" and the demo's five
 * reps include the verdict).
 */
export async function feedbackAuthor(db: LeadlightDb, connector: Connector | undefined): Promise<string> {
  const { rep, source } = await loadSettings(db);
  if (rep.email) return rep.name ? `${rep.name} <${rep.email}>` : rep.email;
  const crmUser = await connector?.currentUserEmail?.().catch(() => null);
  if (crmUser) return crmUser;
  return source === 'demo' ? DEMO_AUTHOR : rep.name || 'unknown';
}
