import { recordObservedMail } from '../../observed/observed-mail';
import type { HandlerDeps, Handlers } from './deps';

type SalesActivityMessages = 'reportMailSeen';

/** The rep's own mail, seen in Gmail or Outlook, kept as first touches the CRM may not have logged. */
export function salesActivityHandlers(deps: HandlerDeps): Pick<Handlers, SalesActivityMessages> {
  const { db, now = () => new Date() } = deps;
  return {
    reportMailSeen: async ({ host, messages }, sender) => {
      const updated = await recordObservedMail(db, host, messages, now());
      const tabId = sender.tab?.id;
      // The sidebar may already show these contacts: their SLA just changed.
      if (tabId !== undefined) for (const email of updated) deps.notifyUpdated?.(tabId, email);
      if (updated.length) deps.slaChanged?.();
      return { recorded: updated.length };
    },
  };
}
