import { defineExtensionMessaging } from '@webext-core/messaging';
import { quietLogger } from './protocol';
import type { PageSnapshot, SidebarLayout } from './sidebar-port';

/**
 * Background → content script messages (the other direction of ./protocol.ts).
 * Both come from the background itself, so the content script only checks the sender id.
 */
type ContentProtocolMap = {
  /** The keyboard shortcut: focus, show or hide the sidebar on this tab. */
  toggleSidebar(): void;
  /** The context-menu lookup: show this address in the sidebar. */
  showContact(data: { email: string }): void;
  /** A background refresh changed this contact's data: re-read it. Kept for older content scripts. */
  contactUpdated(data: { email: string }): void;
  /**
   * A background refresh failed: re-read to show the saved data with the reason. The
   * contact then backs off, so that read does not start another refresh.
   */
  contactRefreshFailed(data: { email: string }): void;
  /** A newly connected sidebar frame wants what the page shows now. */
  getDetection(): PageSnapshot;
  /** The frame asked for this much room (panel, collapsed tab, or none), deciding on snapshot `seq`. */
  /** `page`: the page load the frame that asked belongs to; a frame of another load does not lay this one out. */
  applyLayout(data: { layout: SidebarLayout; seq?: number; page: string }): void;
};

export const contentMessenger = defineExtensionMessaging<ContentProtocolMap>({ logger: quietLogger });
