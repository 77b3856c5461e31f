import { useCallback, useEffect, useState } from 'react';
import type { CachedContext } from '@/lib/cache/contact-cache';
import type { SidebarApi } from './sidebar-api';

export type ContextsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; contexts: Map<string, CachedContext> };

/** Loads context for the thread's participants; a newer thread always wins over a slow answer. */
export function useContactContexts(api: SidebarApi, emails: string[]) {
  const [state, setState] = useState<ContextsState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const key = emails.join(',');

  useEffect(() => {
    if (!key) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    api.getContexts(key.split(',')).then(
      (rows) => current && setState({ status: 'ready', contexts: new Map(rows.map((r) => [r.email, r])) }),
      (e: unknown) => current && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [api, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  /** Re-reads one contact quietly (after feedback changes) without flashing the loading state. */
  const refreshOne = useCallback(
    async (email: string) => {
      const [row] = await api.getContexts([email]);
      if (!row) return;
      setState((s) => (s.status === 'ready' ? { status: 'ready', contexts: new Map(s.contexts).set(email, row) } : s));
    },
    [api],
  );
  return { state, retry, refreshOne };
}
