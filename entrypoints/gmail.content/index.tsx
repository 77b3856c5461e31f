import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SidebarRoot } from '@/components/sidebar/sidebar-root';
import { createDetectionStore } from '@/lib/hosts/detection-store';
import { detectGmailThread, detectionKey, detectSelfEmail } from '@/lib/hosts/gmail/detect';
import { GMAIL_SELECTORS } from '@/lib/hosts/gmail/selectors';
import { watchHost } from '@/lib/hosts/watch-host';
import { createSidebarClient } from '@/lib/messaging/sidebar-client';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const store = createDetectionStore();
    const ui = await createShadowRootUi(ctx, {
      name: 'leadlight-sidebar',
      position: 'inline',
      anchor: 'body',
      isolateEvents: true,
      onMount: (container, _shadow, host) => {
        const root = createRoot(container);
        root.render(<SidebarRoot store={store} api={createSidebarClient()} host={host} />);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
    watchHost({
      doc: document,
      detect: (doc, url) => detectGmailThread(doc, url),
      key: detectionKey,
      region: (doc) => doc.querySelector(GMAIL_SELECTORS.main),
      onChange: (result) => store.set({ participants: result?.participants ?? [], selfEmail: detectSelfEmail(document) ?? undefined }),
      signal: ctx.signal,
    });
  },
});
