import type { CachedContext } from '@/lib/cache/contact-cache';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { ConnectionStatus } from '@/lib/messaging/protocol';
import type { FeedbackActions } from '../contact/feedback-panel';

/**
 * What the sidebar needs from the extension. The content script passes the real
 * messaging-backed implementation; DOM tests pass their own.
 */
export type SidebarApi = FeedbackActions & {
  getContexts: (emails: string[]) => Promise<CachedContext[]>;
  /** Contexts the background already sent for these people, taken once; the frame shows them without asking. */
  takeOffered?: (emails: string[]) => CachedContext[] | undefined;
  /** The team's reason list; optional so a page without it falls back to the built-in one. */
  getReasons?: () => Promise<ReasonDefinition[]>;
  /** How the live CRM connection stands; optional so a page without one shows no notice. */
  getConnection?: () => Promise<ConnectionStatus>;
  /** Opens Leadlight's settings, where a connection is put right. */
  openSettings?: () => void;
  loadOpen: () => Promise<boolean>;
  saveOpen: (open: boolean) => Promise<void>;
};
