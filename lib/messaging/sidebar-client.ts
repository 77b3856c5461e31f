import { browser } from 'wxt/browser';
import type { SidebarApi } from '@/components/sidebar/sidebar-api';
import type { CachedContext } from '../cache/contact-cache';
import { sendMessage } from './protocol';
import { createWorkerChannel } from './worker-channel';
import { OPEN_KEY, type OfferedContexts } from './sidebar-port';

export { OPEN_KEY };

/**
 * The sidebar's view of the extension: protocol messages plus its remembered open
 * state. Identical context requests in flight are shared, so the frame can start
 * reading a contact the moment it is detected, before React renders.
 */
export function createSidebarClient(framed?: {
  page: string;
  onPush: (message: unknown) => void;
  detections?: { first?: MessagePort; again: () => Promise<MessagePort | undefined> };
}): SidebarApi & {
  prefetch: (emails: string[]) => void;
  expect: (emails: string[]) => void;
  offer: (emails: string[], rows: CachedContext[]) => void;
  takeOffered: (emails: string[]) => CachedContext[] | undefined;
  snapshot: (emails: string[], contexts?: OfferedContexts) => void;
  updated: (email: string) => void;
} {
  const read = createWorkerChannel(sendMessage, framed ?? {});
  const inFlight = new Map<string, Promise<CachedContext[]>>();
  const offers = new Map<string, (rows: CachedContext[]) => void>();
  // Contexts the background sent with the latest snapshot before anything asked for them.
  let offered: { key: string; rows: CachedContext[] } | undefined;
  // The people of the latest snapshot sent without their contexts, and whether a request already waits on them.
  let expected: { key: string; claimed: boolean } | undefined;
  const share = (key: string, request: Promise<CachedContext[]>) => {
    inFlight.set(key, request);
    const forget = () => inFlight.get(key) === request && inFlight.delete(key);
    request.then(forget, forget);
    return request;
  };
  // A read asked for after a change must see it: reads begun before it are no longer shared
  // (those already waiting on one still get its answer), nor contexts sent before it kept.
  // Without an email, every contact changed.
  const changed = (email?: string) => {
    const touched = (key: string) => !email || key.split(',').includes(email);
    for (const key of inFlight.keys()) if (touched(key)) inFlight.delete(key);
    if (offered && touched(offered.key)) offered = undefined;
    if (expected && touched(expected.key)) expected.claimed = true;
  };
  const getContexts = (emails: string[]) => {
    const key = emails.join(',');
    const waiting = inFlight.get(key);
    if (!waiting) return share(key, read('getContactContexts', { emails }));
    // The request takes what the background sends: it is not kept for another as well.
    if (expected?.key === key) expected.claimed = true;
    if (offered?.key === key) offered = undefined;
    return waiting;
  };
  return {
    getContexts,
    prefetch: (emails) => void (emails.length > 0 && getContexts(emails).catch(() => undefined)),
    /**
     * The background reads a new snapshot's contexts itself and sends them over the port;
     * until they come (or, if they do not, after a short wait) this is what getContexts returns.
     */
    expect(emails) {
      const key = emails.join(',');
      if (emails.length === 0 || inFlight.has(key) || offered?.key === key) return;
      expected = { key, claimed: false };
      // Read later through getContexts; share() already settles a failure, so none goes unhandled.
      void share(
        key,
        new Promise<CachedContext[]>((resolve, reject) => {
          const timer = setTimeout(() => {
            offers.delete(key);
            read('getContactContexts', { emails }).then(resolve, reject);
          }, 400);
          offers.set(key, (rows) => {
            clearTimeout(timer);
            offers.delete(key);
            resolve(rows);
          });
        }),
      );
    },
    offer(emails, rows) {
      const key = emails.join(',');
      const waiting = offers.get(key);
      if (waiting) waiting(rows);
      // Kept for the first render unless a request already took them. The first contact's snapshot
      // comes before its contexts so the UI loads meanwhile: the UI then renders them from here.
      // Only the latest snapshot's people are kept: an older offer would be shown as new.
      if (!waiting || (expected?.key === key && !expected.claimed)) offered = { key, rows };
    },
    /**
     * A new snapshot arrived (each once: a contact's update does not repeat it, so no read
     * starts that the update's own re-read would wait behind). Contexts kept from before it
     * are not its own: they are left over from a snapshot the frame had already shown (sent
     * again after the worker restarted), and may be out of date by the time that contact is
     * shown again. Then its own contexts are kept, and its people expected.
     */
    snapshot(emails, contexts) {
      offered = undefined;
      if (contexts) this.offer(contexts.emails, contexts.rows);
      this.expect(emails);
    },
    takeOffered(emails) {
      const key = emails.join(',');
      if (offered?.key !== key) return undefined;
      const { rows } = offered;
      offered = undefined;
      return rows;
    },
    getReasons: () => read('getReasons', {}),
    getConnection: () => read('getConnectionStatus', {}),
    openSettings: () => void browser.runtime.openOptionsPage(),
    /** The background stored news about this contact. */
    updated: (email) => changed(email),
    // Also on failure: a message can fail after the background acted on it.
    submit: (input) => sendMessage('submitLeadFeedback', input).finally(() => changed(input.email)),
    undo: async (id) => {
      // The verdict's contact is not known here: any read may hold it.
      const { retracted } = await sendMessage('retractLeadFeedback', { id }).finally(() => changed());
      if (!retracted) throw new Error('it is already on its way to the CRM');
    },
    loadOpen,
    saveOpen: async (open) => {
      await browser.storage.local.set({ [OPEN_KEY]: open });
    },
  };
}

/** Whether the rep left the sidebar open (the default) or collapsed to its tab. */
export async function loadOpen(): Promise<boolean> {
  const stored = await browser.storage.local.get(OPEN_KEY);
  return stored[OPEN_KEY] !== false;
}
