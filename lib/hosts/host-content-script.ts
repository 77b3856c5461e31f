import { defineContentScript } from 'wxt/utils/define-content-script';
import type { HostModule } from './host-module';
import { startSidebar } from './start-sidebar';

/**
 * One host's content script, injected only where the manifest lists the host's own
 * patterns. Each host gets its own script, so a Gmail tab parses only Gmail's
 * detector: on a busy page, parsing and compiling the script at load is most of
 * what Leadlight costs there, and one shared script grew with every host added.
 */
export function hostContentScript(host: HostModule) {
  return defineContentScript({
    matches: host.matches,
    runAt: 'document_idle',
    // WXT would also announce each start to the page with window.postMessage, naming
    // the extension: every message listener of the host wakes for it, and it was 2.7 ms
    // of the script's 12 ms at load (trace, Chromium 156). Its DOM event replaces it.
    noScriptStartedPostMessage: true,
    main: (ctx) => startSidebar(ctx, host),
  });
}
