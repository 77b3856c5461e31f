import { useCallback, useLayoutEffect, useRef, useState } from 'react';
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
type Kept = { row: CachedContext; seq: number };
type Memory = Map<string, Kept>;
const memories = new WeakMap<SidebarApi, Memory>();
function memoryOf(api: SidebarApi) {
  let memory = memories.get(api);
  if (!memory) memories.set(api, (memory = new Map<string, Kept>()));
  return memory;
}
// Reads are numbered as they start: answers arrive in any order, and one to an older
// read (say, the re-read after a verdict, answering after the one after its Undo) must
// not replace a newer one's.
let reads = 0;
/** Keeps read `seq`'s rows, except where a newer read's are kept already; returns what is kept for them. */
function remember(shown: Memory, rows: CachedContext[], seq: number): CachedContext[] {
  const kept = rows.map((row) => {
    const had = shown.get(row.email);
    const keep = had && had.seq > seq ? had : { row, seq };
    shown.delete(row.email);
    shown.set(row.email, keep);
    return keep.row;
  });
  while (shown.size > MEMORY_LIMIT) shown.delete(shown.keys().next().value as string);
  return kept;
}

/** Those of `emails` this tab has shown, in order. */
function recalled(shown: Memory, emails: string[]): Map<string, CachedContext> {
  return new Map(emails.flatMap((e) => (shown.has(e) ? [[e, shown.get(e)!.row] as const] : [])));
}

/** Loads context for the thread's participants; a newer thread always wins over a slow answer. */
export function useContactContexts(api: SidebarApi, emails: string[]) {
  const [state, setState] = useState<ContextsState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const key = emails.join(',');

  // Contexts the background sent with the page's snapshot are taken in the render that shows its
  // people, so the contact paints in one render. Taken in the effect instead, the first render
  // would build a throwaway "no record" view, and a second render before paint would replace it.
  const tookFor = useRef<string | null>(null);
  // The people the last read (the layout effect below) was for: a snapshot that repeats them
  // (a theme change, the shortcut) is no new contact, and its offer is left to the next one.
  const readFor = useRef<string | null>(null);
  if (key && attempt === 0 && key !== readFor.current && tookFor.current !== key) {
    const offered = api.takeOffered?.(key.split(','));
    if (offered) {
      tookFor.current = key;
      const kept = remember(memoryOf(api), offered, ++reads);
      setState({ status: 'ready', contexts: new Map(kept.map((r) => [r.email, r])) });
    }
  }

  // Started before the browser paints, not after: the background sends a contact's context
  // right behind its detection, and in the frame (Preact) a passive effect waits for the next
  // animation frame, so reading here would put a whole frame between the context and its paint.
  useLayoutEffect(() => {
    readFor.current = key;
    const took = tookFor.current === key;
    tookFor.current = null;
    if (!key) {
      setState({ status: 'idle' });
      return;
    }
    // This render already showed what came with the snapshot: nothing to read.
    if (attempt === 0 && took) return;
    let current = true;
    const list = key.split(',');
    // Sent with the page's snapshot: fresh, so shown at once without a loading state or a request.
    const offered = attempt === 0 ? api.takeOffered?.(list) : undefined;
    if (offered) {
      const kept = remember(memoryOf(api), offered, ++reads);
      setState({ status: 'ready', contexts: new Map(kept.map((r) => [r.email, r])) });
      return;
    }
    // Someone joining the thread must not take away the contact on screen (and a note being
    // typed there): those already shown stay while the newcomers are read.
    const memory = attempt === 0 ? recalled(memoryOf(api), list) : new Map<string, CachedContext>();
    const pending = memory.size < list.length;
    setState(memory.size ? { status: 'ready', contexts: memory, ...(pending ? { pending } : {}) } : { status: 'loading' });
    const seq = ++reads;
    api.getContexts(list).then(
      (rows) => {
        const kept = remember(memoryOf(api), rows, seq);
        if (current) setState({ status: 'ready', contexts: new Map(kept.map((r) => [r.email, r])) });
      },
      (e: unknown) => {
        if (!current) return;
        // With something already on screen, a failed read keeps it; only those never read get the reason.
        if (!memory.size) return setState({ status: 'error', message: errorMessage(e) });
        // From what is kept now: a contact re-read meanwhile keeps that newer answer.
        const kept = recalled(memoryOf(api), list);
        const failed = list.filter((email) => !kept.has(email)).map((email) => ({ email, context: null, error: errorMessage(e) }));
        if (failed.length) setState({ status: 'ready', contexts: new Map([...kept, ...failed.map((f) => [f.email, f] as const)]) });
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
      const seq = ++reads;
      const [row] = await api.getContexts([email]);
      if (!row) return;
      const [kept = row] = remember(memoryOf(api), [row], seq);
      setState((s) => (s.status === 'ready' ? { status: 'ready', contexts: new Map(s.contexts).set(email, kept) } : s));
    },
    [api],
  );
  return { state, retry, refreshOne };
}
