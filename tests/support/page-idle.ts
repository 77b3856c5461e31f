/**
 * The page's idle moments (`requestIdleCallback`) held until the test says: the content
 * script defers work to them, as it does on a real page. Returns the function that runs
 * them; `releaseIdle` puts the window back.
 */
export function holdIdle(): () => void {
  const idle: (() => void)[] = [];
  Object.defineProperty(window, 'requestIdleCallback', { configurable: true, value: (run: () => void) => idle.push(run) });
  return () => idle.splice(0).forEach((run) => run());
}

export function releaseIdle(): void {
  delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
}
