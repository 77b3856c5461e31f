import styles from './sidebar.css?inline';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createDetectionStore, type DetectionStore } from '@/lib/hosts/detection-store';
import { contentMessenger } from '@/lib/messaging/content-protocol';
import { createSidebarClient } from '@/lib/messaging/sidebar-client';
import { SidebarRoot } from './sidebar-root';

/**
 * Mounts the sidebar in a shadow root (styles inlined, so no extension file is
 * exposed to pages) and connects the shortcut and context-menu messages from the
 * background. Returns the store the host watcher feeds.
 */
export async function mountSidebar(ctx: ContentScriptContext): Promise<DetectionStore> {
  const store = createDetectionStore();
  // Listen before the first await: a lookup is sent right after this script is injected.
  const fromBackground = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const offToggle = contentMessenger.onMessage('toggleSidebar', ({ sender }) => {
    if (fromBackground(sender)) store.toggle();
  });
  const offShow = contentMessenger.onMessage('showContact', ({ data, sender }) => {
    if (fromBackground(sender)) store.setLookup({ email: data.email.toLowerCase() });
  });
  const offUpdated = contentMessenger.onMessage('contactUpdated', ({ data, sender }) => {
    if (fromBackground(sender)) store.contactUpdated(data.email);
  });
  // The same quiet re-read: it brings the failure's reason instead of "Checking for updates…".
  const offFailed = contentMessenger.onMessage('contactRefreshFailed', ({ data, sender }) => {
    if (fromBackground(sender)) store.contactUpdated(data.email);
  });
  ctx.onInvalidated(() => {
    offToggle();
    offShow();
    offUpdated();
    offFailed();
  });
  const ui = await createShadowRootUi(ctx, {
    name: 'leadlight-sidebar',
    position: 'inline',
    anchor: 'body',
    css: styles,
    // Keystrokes in the note field must not trigger the host's own shortcuts.
    isolateEvents: true,
    onMount: (container, _shadow, host) => {
      const root = createRoot(container);
      root.render(<SidebarRoot store={store} api={createSidebarClient()} host={host} />);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  return store;
}
