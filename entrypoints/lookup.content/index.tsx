import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '@/components/sidebar/mount-sidebar';

// Injected on demand (context-menu lookup under activeTab) into pages Leadlight has no host access to.
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    await mountSidebar(ctx);
  },
});
