// Bundled into the page by the detection benchmark: the real Gmail host module and
// watcher, timed from inside the page's main thread, next to the relevance filter
// Leadlight used before detection was scoped to the thread view (kept here only as the
// baseline of the same run).
import { gmailHost } from '@/lib/hosts/gmail';
import { GMAIL_SELECTORS } from '@/lib/hosts/gmail/selectors';
import { hostDetectionKey } from '@/lib/hosts/host-module';
import { watchHost } from '@/lib/hosts/watch-host';

type Phase = { callbacks: number; detections: number; detectMs: number; callbackMs: number };

declare global {
  interface Window {
    __llBench: { run: (filter: 'scoped' | 'previous', ms: number) => Promise<Phase>; fullDetect: () => number };
  }
}

const REGIONS = `${GMAIL_SELECTORS.main.selector}, [role="dialog"]`;
const MARKERS = `[email], [data-hovercard-id], ${GMAIL_SELECTORS.threadSubject.selector}, [role="dialog"], [role="main"]`;
const carriesMarker = (node: Node) => {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (
    (el.hasAttribute('email') || el.hasAttribute('data-hovercard-id') || el.hasAttribute('role') || el.localName === 'h2') &&
    el.matches(MARKERS)
  )
    return true;
  return el.firstElementChild !== null && el.querySelector(MARKERS) !== null;
};
/** The filter before: any person marker anywhere in the main pane counted, inbox rows included. */
function previousRelevance(m: MutationRecord): boolean {
  if (m.type === 'attributes') return (m.target as Element).closest(REGIONS) !== null && carriesMarker(m.target);
  for (const list of [m.addedNodes, m.removedNodes]) for (const node of list) if (carriesMarker(node)) return true;
  return false;
}

window.__llBench = {
  async run(filter, ms) {
    const phase: Phase = { callbacks: 0, detections: 0, detectMs: 0, callbackMs: 0 };
    // Time every observer callback (what the page pays per batch) by wrapping MutationObserver
    // before the watcher creates its own.
    const Native = window.MutationObserver;
    window.MutationObserver = class extends Native {
      constructor(cb: MutationCallback) {
        super((records, observer) => {
          const t = performance.now();
          cb(records, observer);
          phase.callbacks += 1;
          phase.callbackMs += performance.now() - t;
        });
      }
    };
    const controller = new AbortController();
    watchHost({
      doc: document,
      detect: (doc, url) => {
        const t = performance.now();
        const result = gmailHost.detect(doc, url);
        phase.detections += 1;
        phase.detectMs += performance.now() - t;
        return result;
      },
      key: hostDetectionKey,
      isRelevant: filter === 'scoped' ? gmailHost.isRelevant : previousRelevance,
      onChange: () => undefined,
      signal: controller.signal,
    });
    window.MutationObserver = Native;
    // The first detection on start is not caused by churn.
    phase.detections = 0;
    phase.detectMs = 0;
    await new Promise((r) => setTimeout(r, ms));
    controller.abort();
    return phase;
  },
  fullDetect() {
    const t = performance.now();
    gmailHost.detect(document, new URL(location.href));
    return performance.now() - t;
  },
};
