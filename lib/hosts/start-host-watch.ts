import { sendMessage } from '../messaging/protocol';
import type { DetectionStore } from './detection-store';
import { createDiagnosticsGate } from './diagnostics-gate';
import { diagnoseSelectors, hostDetectionKey, ownMessages, type HostModule } from './host-module';
import { watchSends } from './send-watch';
import { watchHost } from './watch-host';
import { whenIdle } from './when-idle';

type MailMessages = { key: string; to: string[]; at: string; kind: 'thread' | 'compose' }[];

/** The rep's own messages, for the background to keep as first touches. Only mail hosts detect messages and sends. */
function reportMail(hostId: string, messages: MailMessages): void {
  if (messages.length) void sendMessage('reportMailSeen', { host: hostId as 'gmail' | 'outlook', messages }).catch(() => undefined);
}

/**
 * Runs a host module on the live page: detection changes go to the sidebar store,
 * and a selector report (no contact data) goes to the diagnostics view. `recheck`
 * detects again now, for a change that is not the page's (who counts as a colleague).
 */
export function startHostWatch(host: HostModule, store: DetectionStore, signal: AbortSignal): { recheck: () => void } {
  let self: string | null = null;
  const diagnoseNow = createDiagnosticsGate();
  if (host.sends) {
    const onSent = (to: string[], at: Date) => reportMail(host.id, [{ key: `compose-${+at}`, to, at: at.toISOString(), kind: 'compose' }]);
    watchSends({ doc: document, spec: host.sends, self: () => self, signal, onSent });
  }
  const watch = watchHost({
    doc: document,
    detect: host.detect,
    key: hostDetectionKey,
    region: host.region,
    isRelevant: host.isRelevant,
    observeText: host.observeText,
    signal,
    onChange: (result) => {
      self = result.selfEmail ?? null;
      store.setDetected(result.participants, result.selfEmail);
      reportMail(
        host.id,
        ownMessages(result).flatMap((m) => (m.at ? [{ key: m.key, to: m.to, at: m.at, kind: 'thread' as const }] : [])),
      );
      // Diagnostics are for the options page, not the user in front of the page: run them when it is idle.
      if (!diagnoseNow(result.recordId !== null, result.participants.length)) return;
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
  return { recheck: watch.runNow };
}
