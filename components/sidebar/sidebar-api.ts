import type { CachedContext } from '@/lib/cache/contact-cache';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { FeedbackActions } from '../contact/feedback-panel';

/**
 * What the sidebar needs from the extension. The content script passes the real
 * messaging-backed implementation; DOM tests pass their own.
 */
export type SidebarApi = FeedbackActions & {
  getContexts: (emails: string[]) => Promise<CachedContext[]>;
  /** The team's reason list; optional so a page without it falls back to the built-in one. */
  getReasons?: () => Promise<ReasonDefinition[]>;
  loadOpen: () => Promise<boolean>;
  saveOpen: (open: boolean) => Promise<void>;
};
