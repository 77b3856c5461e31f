/** What a host module provides to the shared engine. */
export type HostWatcher<T> = {
  /** Pure detection over the current page. */
  detect: (doc: Document, url: URL) => T;
  /** Equal keys mean "nothing changed for the user"; no re-render then. */
  key: (result: T) => string;
  /** The region whose mutations can change the result; others are ignored cheaply. */
  region?: (doc: Document) => Element | null;
  /** Finer filter for hosts with several regions; takes precedence over `region`. */
  isRelevant?: (mutation: MutationRecord) => boolean;
  /** Also observe text edits and title/aria-label changes, for hosts whose addresses are filled in in place. */
  observeText?: boolean;
};

export type WatchOptions<T> = HostWatcher<T> & {
  doc: Document;
  onChange: (result: T) => void;
  signal: AbortSignal;
  /** Minimum time between detections during a mutation burst; Gmail mutates many times per navigation. */
  debounceMs?: number;
};

/**
 * Observes a single-page app and reports the detection result when it changes.
 * Mutations are not scanned one by one: mutations outside the host's region are
 * skipped, a burst runs at most one detection per `debounceMs`, and hash and
 * history-back navigations trigger an immediate check.
 */
export function watchHost<T>({
  doc,
  detect,
  key,
  region,
  isRelevant,
  observeText = false,
  onChange,
  signal,
  debounceMs = 60,
}: WatchOptions<T>): {
  runNow: () => void;
} {
  const win = doc.defaultView;
  let lastKey: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cachedRegion: Element | null = null;

  let lastRun = -Infinity;
  const runNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (signal.aborted) return;
    lastRun = performance.now();
    const result = detect(doc, new URL(doc.location.href));
    const next = key(result);
    if (next === lastKey) return;
    lastKey = next;
    onChange(result);
  };
  // Leading edge: the first mutation after a quiet spell is handled on the next task,
  // so a new thread shows at once; during a burst at most one detection runs per window.
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(runNow, Math.max(0, lastRun + debounceMs - performance.now()));
  };
  const relevant = (records: MutationRecord[]) => {
    if (isRelevant) return records.some(isRelevant);
    if (!region) return true;
    if (!cachedRegion?.isConnected) cachedRegion = region(doc);
    // Without the region on the page yet, any mutation might be the one that adds it.
    if (!cachedRegion) return true;
    const r = cachedRegion;
    return records.some((m) => r.contains(m.target) || m.target.contains(r));
  };

  const observer = new MutationObserver((records) => {
    if (timer === undefined && relevant(records)) schedule();
  });
  // Views show and hide by style and hidden. Text and tooltips only for hosts that ask: Gmail's change
  // constantly, and its person markers arrive with their nodes.
  const attributeFilter = observeText ? ['style', 'hidden', 'title', 'aria-label'] : ['style', 'hidden'];
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter, characterData: observeText });
  win?.addEventListener('hashchange', runNow, { signal });
  win?.addEventListener('popstate', runNow, { signal });
  // A pushState navigation fires no event of its own; the view it renders is a mutation like any other.
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  runNow();
  return { runNow };
}
