import type { z } from 'zod';
import type { Connector } from '../../connectors/connector';
import type { HubspotAccount } from '../../connectors/hubspot/hubspot-account';
import type { FeedSyncResult } from '../../connectors/feed/sync-feed';
import type { SalesforceSignIn } from '../../connectors/salesforce-reconnect';
import type { LeadlightDb } from '../../db/database';
import type { Dataset } from '../../db/seed';
import type { MessageType, Responses } from '../protocol';
import type { PageSnapshot } from '../sidebar-port';
import type { requests } from '../requests';

/** Who sent a message, as the browser reports it. */
export type SenderInfo = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

/** What handlers need from the background; tests pass fakes. */
export type HandlerDeps = {
  db: LeadlightDb;
  loadDemoData: () => Dataset;
  now?: () => Date;
  /** Jitter for backoff waits; tests pass a fixed one. */
  random?: () => number;
  /** The live CRM connector for the current settings, if one is configured and connected. */
  liveConnector?: () => Promise<Connector | undefined>;
  /** Tells a tab's sidebar that a contact's data changed (stale-while-revalidate). */
  notifyUpdated?: (tabId: number, email: string) => void;
  /** Something that changes hand-off SLA states happened (a first touch seen, new data): recount the rep's queue. */
  slaChanged?: () => void;
  /** Tells a tab's sidebar that a background refresh failed, so it stops saying it is checking. */
  notifyRefreshFailed?: (tabId: number, email: string) => void;
  /** Passes a content script's detection to that tab's sidebar frame. */
  sidebarDetected?: (tabId: number, snapshot: PageSnapshot) => void;
  /** Asks the outbox to run soon (after a verdict, a retry, or a new connection). */
  kickOutbox?: () => void;
  /** Checks a HubSpot token with one call and says which portal it belongs to; tests pass their own. */
  verifyHubspotToken?: (token: string) => Promise<HubspotAccount>;
  /** Runs the Salesforce OAuth flow (browser.identity) and stores the tokens. */
  connectSalesforce?: () => Promise<SalesforceSignIn>;
  /** Fetches the JSON feed now and reschedules it. */
  syncFeedNow?: () => Promise<FeedSyncResult>;
};

export type Handler<K extends MessageType> = (data: z.output<(typeof requests)[K]>, sender: SenderInfo) => Promise<Responses[K]>;
export type Handlers = { [K in MessageType]: Handler<K> };
