import type { MailHost } from '../../domain/observed-touch';
import { mailHostOf } from '../../observed/mail-host-pages';
import { recordObservedMail, type SeenMail } from '../../observed/observed-mail';
import type { HandlerDeps, Handlers, SenderInfo } from './deps';

type SalesActivityMessages = 'reportMailSeen';

const HOST_NAMES: Record<MailHost, string> = { gmail: 'Gmail', outlook: 'Outlook' };

/**
 * Whether a report of mail seen comes from Leadlight's script in the top frame of
 * that mail host's own page, as the browser names the sender: a HubSpot page, or
 * one that merely says it is Gmail, cannot plant first touches.
 */
function fromMailPage(host: MailHost, sender: SenderInfo): boolean {
  return sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 && mailHostOf(sender.url) === host;
}

/** The rep's own mail, seen in Gmail or Outlook, kept as first touches the CRM may not have logged. */
export function salesActivityHandlers(deps: HandlerDeps): Pick<Handlers, SalesActivityMessages> {
  const { db, now = () => new Date() } = deps;
  // One report at a time: a page sending many at once waits its turn instead of racing the cap's trim.
  let queue = Promise.resolve();
  const record = async (host: MailHost, messages: SeenMail[], tabId: number | undefined) => {
    const updated = await recordObservedMail(db, host, messages, now());
    // The sidebar may already show these contacts: their SLA just changed.
    if (tabId !== undefined) for (const email of updated) deps.notifyUpdated?.(tabId, email);
    if (updated.length) deps.slaChanged?.();
  };
  return {
    reportMailSeen: ({ host, messages }, sender) => {
      if (!fromMailPage(host, sender)) {
        return Promise.reject(
          new Error(`Mail seen was not kept: Leadlight takes it only from its own script on a ${HOST_NAMES[host]} page`),
        );
      }
      // Answered before the cache is read: neither what the page hears back nor when may
      // tell it which addresses are Leadlight's contacts. `recorded` counts messages taken.
      queue = queue
        .then(() => record(host, messages, sender.tab?.id))
        .catch((error: unknown) => console.warn('Leadlight could not keep mail seen in the mailbox', error));
      return Promise.resolve({ recorded: messages.length });
    },
  };
}
