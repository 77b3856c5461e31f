// Bundled into the page by the detection benchmark: the real Gmail host module and
// watcher, timed from inside the page's main thread.
import { gmailHost } from '@/lib/hosts/gmail';
import { hostDetectionKey } from '@/lib/hosts/host-module';
import { watchHost } from '@/lib/hosts/watch-host';

type Stats = { batches: number[]; detections: number[]; changes: number };

declare global {
  interface Window {
    __llBench: { start: () => void; stats: Stats; fullDetect: () => number };
  }
}

const stats: Stats = { batches: [], detections: [], changes: 0 };

window.__llBench = {
  stats,
  start() {
    // Time every observer callback (the per-batch cost the page pays) by wrapping
    // MutationObserver before the watcher creates its own.
    const Native = window.MutationObserver;
    window.MutationObserver = class extends Native {
      constructor(cb: MutationCallback) {
        super((records, observer) => {
          const t = performance.now();
          cb(records, observer);
          stats.batches.push(performance.now() - t);
        });
      }
    };
    watchHost({
      doc: document,
      detect: (doc, url) => {
        const t = performance.now();
        const result = gmailHost.detect(doc, url);
        stats.detections.push(performance.now() - t);
        return result;
      },
      key: hostDetectionKey,
      region: gmailHost.region,
      isRelevant: gmailHost.isRelevant,
      onChange: () => {
        stats.changes += 1;
      },
      signal: new AbortController().signal,
    });
    window.MutationObserver = Native;
  },
  fullDetect() {
    const t = performance.now();
    gmailHost.detect(document, new URL(location.href));
    return performance.now() - t;
  },
};
