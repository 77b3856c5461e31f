import { z } from 'zod';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { scheduleFeed, syncFeedAndReschedule } from '@/lib/background/feed-scheduler';
import { keepStoragePersistent } from '@/lib/background/persist-storage';
import { registerLookupMenu } from '@/lib/background/lookup-menu';
import { scheduleOutbox } from '@/lib/background/outbox-scheduler';
import { scheduleQueueBadge } from '@/lib/background/queue-badge';
import { signInToSalesforce } from '@/lib/background/salesforce-sign-in';
import { listenForDetections } from '@/lib/background/detection-listener';
import { createSidebarHub } from '@/lib/background/sidebar-hub';
import { registerToggleCommand } from '@/lib/background/toggle-command';
import { connectorFor, liveConnector } from '@/lib/connectors/registry';
import { LeadlightDb } from '@/lib/db/database';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { generateDemoData } from '@/lib/demo/demo-data';
import { createHandlers, DEMO_SOURCE_NAME } from '@/lib/messaging/handlers';
import { publishCompanyDomains } from '@/lib/settings/company-domains';
import { listenInServiceWorker } from '@/lib/messaging/posted-requests';
import { registerHandlers } from '@/lib/messaging/register-handlers';

export default defineBackground(() => {
  // Extension CSP forbids eval; jitless keeps zod from even probing for it.
  z.config({ jitless: true });
  void keepStoragePersistent().catch((error: unknown) => console.warn('Leadlight storage may be evicted under pressure', error));
  const db = new LeadlightDb();
  const ready = ensureSeeded(db, generateDemoData, DEMO_SOURCE_NAME).catch((error: unknown) => {
    console.error('Leadlight could not load demo data', error);
  });
  void ready
    .then(() => publishCompanyDomains(db))
    .catch((error: unknown) => console.error('Leadlight could not give open tabs the company’s other domains', error));
  const kickOutbox = scheduleOutbox(db, (target) => connectorFor(db, target));
  const recountQueue = scheduleQueueBadge(db, ready);
  scheduleFeed(db, recountQueue);
  const sidebars = createSidebarHub(async (tabId, emails) => {
    await ready;
    return handlers.getContactContexts({ emails }, { id: browser.runtime.id, tab: { id: tabId } });
  });
  const handlers = createHandlers({
    db,
    loadDemoData: generateDemoData,
    liveConnector: () => liveConnector(db),
    notifyUpdated: (tabId, email) => sidebars.contactUpdated(tabId, email),
    // The same quiet re-read in the frame: it brings the failure's reason instead of "Checking for updates…".
    notifyRefreshFailed: (tabId, email) => sidebars.contactUpdated(tabId, email),
    sidebarDetected: (tabId, snapshot) => sidebars.detected(tabId, snapshot),
    kickOutbox,
    slaChanged: recountQueue,
    connectSalesforce: () => signInToSalesforce(db),
    syncFeedNow: async () => {
      const result = await syncFeedAndReschedule(db);
      if (result.status === 'updated') recountQueue();
      return result;
    },
  });
  registerHandlers(handlers, ready);
  listenForDetections(handlers, ready);
  listenInServiceWorker(handlers, ready, sidebars.channel);
  registerLookupMenu();
  registerToggleCommand();
});
