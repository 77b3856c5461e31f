import { useEffect } from 'react';

// Chrome stops an extension's service worker after 30 s without an event; a message resets that.
const EVERY_MS = 20_000;

/**
 * While the report is in view, asks the background every 20 s to keep what the report
 * reads in memory, so the next grouping, period or drill-down does not read every
 * contact again. A hidden page stops asking and the background lets go.
 */
export function useKeepReportData(keep: (() => Promise<void>) | undefined): void {
  useEffect(() => {
    if (!keep) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') keep().catch(() => undefined);
    }, EVERY_MS);
    return () => clearInterval(id);
  }, [keep]);
}
