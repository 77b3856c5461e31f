/** How often a page that keeps showing the same kind of view reports its selectors again. */
export const DIAGNOSTICS_EVERY_MS = 60_000;

/**
 * Whether a detection should run the selector report (./host-module.ts diagnoseSelectors),
 * which queries every selector the host module reads and sends the result to the
 * background: about 2 ms of the host page's main thread each time. It runs when the kind of
 * view changes (a record found or not, people on it or not), since that is what the
 * diagnostics view tells apart, and otherwise at most once a minute: a rep going from
 * thread to thread does not pay it on every one.
 */
export function createDiagnosticsGate(now: () => number = () => Date.now()) {
  let last: { kind: string; at: number } | undefined;
  return (recordFound: boolean, contactCount: number): boolean => {
    const kind = `${recordFound}|${contactCount > 0}`;
    const at = now();
    if (last && last.kind === kind && at - last.at < DIAGNOSTICS_EVERY_MS) return false;
    last = { kind, at };
    return true;
  };
}
