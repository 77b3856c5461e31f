import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '@/components/sidebar/mount-sidebar';
import { hostFor, HOST_MATCHES } from '@/lib/hosts/registry';
import { startHostWatch } from '@/lib/hosts/start-host-watch';

export default defineContentScript({
  matches: HOST_MATCHES,
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx) {
    const host = hostFor(new URL(location.href));
    if (!host) return;
    const store = await mountSidebar(ctx);
    startHostWatch(host, store, ctx.signal);
  },
});
