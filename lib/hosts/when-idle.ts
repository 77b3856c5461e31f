/** Runs `run` when the page is next idle (at the latest after `timeout` ms), so it never sits on the page's own work. */
export function whenIdle(run: () => void, timeout = 2000): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout });
  else setTimeout(run, 200);
}
