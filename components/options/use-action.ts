import { useCallback, useState } from 'react';
import { errorMessage } from '../ui/error-message';

/**
 * Runs one user action at a time and keeps its outcome for display. `run` settles every
 * failure into `error` itself, so event handlers can call it and return nothing.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Stable across renders (it uses only state setters), so callbacks may depend on it.
  const run = useCallback((action: () => Promise<string | void>): void => {
    setBusy(true);
    setError(null);
    setDone(null);
    action()
      .then(
        (message) => setDone(message ?? null),
        (e: unknown) => setError(errorMessage(e)),
      )
      .finally(() => setBusy(false));
  }, []);
  return { busy, error, done, run };
}
