// Evaluated inside Leadlight's own service worker by the cache benchmark: the real
// database (the background's, by name) and the real lookup handler, timed where
// the background runs them, without the message round trip.
import { LeadlightDb } from '@/lib/db/database';
import type { HandlerDeps } from '@/lib/messaging/handlers/deps';
import { contactHandlers } from '@/lib/messaging/handlers/contacts';

declare global {
  var __llCache: {
    /** Times `n` lookups of the given emails, one at a time, as the sidebar's handler runs them. */
    lookups: (emails: string[]) => Promise<number[]>;
  };
}

const db = new LeadlightDb();
// A bulk source has no live connector: the handler answers from the cache alone.
const { getContactContexts } = contactHandlers({ db } as HandlerDeps);

globalThis.__llCache = {
  async lookups(emails) {
    const times: number[] = [];
    for (const email of emails) {
      const t = performance.now();
      const [row] = await getContactContexts({ emails: [email] }, {});
      times.push(performance.now() - t);
      if (!row?.context) throw new Error(`missing ${email}`);
    }
    return times;
  },
};
