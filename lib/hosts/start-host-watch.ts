import { sendMessage } from '../messaging/protocol';
import type { DetectionStore } from './detection-store';
import { diagnoseSelectors, hostDetectionKey, type HostModule } from './host-module';
import { watchHost } from './watch-host';

/**
 * Runs a host module on the live page: detection changes go to the sidebar store,
 * and a selector report (no contact data) goes to the diagnostics view.
 */
export function startHostWatch(host: HostModule, store: DetectionStore, signal: AbortSignal): void {
  watchHost({
    doc: document,
    detect: host.detect,
    key: hostDetectionKey,
    region: host.region,
    isRelevant: host.isRelevant,
    signal,
    onChange: (result) => {
      store.setDetected(result.participants, result.selfEmail);
      // Diagnostics are for the options page, not the user in front of the page: run them when it is idle.
      whenIdle(() => {
        if (signal.aborted) return;
        const { matched, missing } = diagnoseSelectors(host, document);
        void sendMessage('reportHostDiagnostics', {
          hostId: host.id,
          recordFound: result.recordId !== null,
          contactCount: result.participants.length,
          matched,
          missing,
        }).catch(() => undefined);
      });
    },
  });
}

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
