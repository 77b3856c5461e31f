import { defineExtensionMessaging } from '@webext-core/messaging';
import { quietLogger } from './protocol';

/**
 * Background → content script messages (the other direction of ./protocol.ts).
 * Both come from the background itself, so the content script only checks the sender id.
 */
type ContentProtocolMap = {
  /** The keyboard shortcut: show or hide the sidebar on this tab. */
  toggleSidebar(): void;
  /** The context-menu lookup: show this address in the sidebar. */
  showContact(data: { email: string }): void;
  /** A background refresh changed this contact's data: re-read it. */
  contactUpdated(data: { email: string }): void;
  /**
   * A background refresh failed: re-read to show the saved data with the reason. The
   * contact then backs off, so that read does not start another refresh.
   */
  contactRefreshFailed(data: { email: string }): void;
};

export const contentMessenger = defineExtensionMessaging<ContentProtocolMap>({ logger: quietLogger });
