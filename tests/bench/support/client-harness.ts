// Evaluated in an extension page by the cache benchmark: the sidebar frame's own client
// (lib/messaging/sidebar-client.ts), so a lookup's round trip takes the frame's path,
// beside runtime messaging alone (the path before the page's channel to the worker).
import { sendMessage } from '@/lib/messaging/protocol';
import { createSidebarClient } from '@/lib/messaging/sidebar-client';

declare global {
  var __llClient: {
    /** Times each lookup both ways, alternating which goes first; throws on a contact not found. */
    lookups: (emails: string[]) => Promise<{ client: number[]; runtime: number[] }>;
  };
}

const client = createSidebarClient();

globalThis.__llClient = {
  async lookups(emails) {
    const times = { client: [] as number[], runtime: [] as number[] };
    const ways = {
      client: (email: string) => client.getContexts([email]),
      runtime: (email: string) => sendMessage('getContactContexts', { emails: [email] }),
    };
    for (const [i, email] of emails.entries()) {
      for (const way of i % 2 ? (['runtime', 'client'] as const) : (['client', 'runtime'] as const)) {
        const t = performance.now();
        const [row] = await ways[way](email);
        times[way].push(performance.now() - t);
        if (!row?.context) throw new Error(`missing ${email}`);
      }
    }
    return times;
  },
};
