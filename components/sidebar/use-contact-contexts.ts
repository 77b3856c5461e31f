import { useCallback, useLayoutEffect, useState } from 'react';
import type { CachedContext } from '@/lib/cache/contact-cache';
import type { SidebarApi } from './sidebar-api';
import { errorMessage } from '../ui/error-message';

export type ContextsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `pending`: some participants are still being read; those shown were on screen already. */
  | { status: 'ready'; contexts: Map<string, CachedContext>; pending?: boolean };

// What this tab last showed per contact. Going back to a thread renders at once from
// here while the background is asked again; bounded so a long Gmail day stays small.
const MEMORY_LIMIT = 50;
const memories = new WeakMap<SidebarApi, Map<string, CachedContext>>();
function memoryOf(api: SidebarApi) {
  let memory = memories.get(api);
  if (!memory) memories.set(api, (memory = new Map<string, CachedContext>()));
  return memory;
}
function remember(shown: Map<string, CachedContext>, rows: CachedContext[]) {
  for (const r of rows) {
    shown.delete(r.email);
    shown.set(r.email, r);
  }
  while (shown.size > MEMORY_LIMIT) shown.delete(shown.keys().next().value as string);
}
/** Those of `emails` this tab has shown, in order. */
function recalled(shown: Map<string, CachedContext>, emails: string[]): Map<string, CachedContext> {
  return new Map(emails.flatMap((e) => (shown.has(e) ? [[e, shown.get(e)!] as const] : [])));
}

/** Loads context for the thread's participants; a newer thread always wins over a slow answer. */
export function useContactContexts(api: SidebarApi, emails: string[]) {
  const [state, setState] = useState<ContextsState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const key = emails.join(',');

  // Started before the browser paints, not after: the background sends a contact's context
  // right behind its detection, and in the frame (Preact) a passive effect waits for the next
  // animation frame, so reading here would put a whole frame between the context and its paint.
  useLayoutEffect(() => {
    if (!key) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    const list = key.split(',');
    // Sent with the page's snapshot: fresh, so shown at once without a loading state or a request.
    const offered = attempt === 0 ? api.takeOffered?.(list) : undefined;
    if (offered) {
      remember(memoryOf(api), offered);
      setState({ status: 'ready', contexts: new Map(offered.map((r) => [r.email, r])) });
      return;
    }
    // Someone joining the thread must not take away the contact on screen (and a note being
    // typed there): those already shown stay while the newcomers are read.
    const memory = attempt === 0 ? recalled(memoryOf(api), list) : new Map<string, CachedContext>();
    const pending = memory.size < list.length;
    setState(memory.size ? { status: 'ready', contexts: memory, ...(pending ? { pending } : {}) } : { status: 'loading' });
    api.getContexts(list).then(
      (rows) => {
        remember(memoryOf(api), rows);
        if (current) setState({ status: 'ready', contexts: new Map(rows.map((r) => [r.email, r])) });
      },
      (e: unknown) => {
        if (!current) return;
        // With something already on screen, a failed read keeps it; only those never read get the reason.
        if (!memory.size) return setState({ status: 'error', message: errorMessage(e) });
        const failed = list.filter((email) => !memory.has(email)).map((email) => ({ email, context: null, error: errorMessage(e) }));
        if (failed.length) setState({ status: 'ready', contexts: new Map([...memory, ...failed.map((f) => [f.email, f] as const)]) });
      },
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
      remember(memoryOf(api), [row]);
      setState((s) => (s.status === 'ready' ? { status: 'ready', contexts: new Map(s.contexts).set(email, row) } : s));
    },
    [api],
  );
  return { state, retry, refreshOne };
}
