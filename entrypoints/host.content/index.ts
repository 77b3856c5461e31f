import { defineContentScript } from 'wxt/utils/define-content-script';
import { hostFor, HOST_MATCHES } from '@/lib/hosts/registry';
import { startSidebar } from '@/lib/hosts/start-sidebar';

export default defineContentScript({
  matches: HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const host = hostFor(new URL(location.href));
    if (host) startSidebar(ctx, host);
  },
});
