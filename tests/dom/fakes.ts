import { vi } from 'vitest';
import type { SidebarApi } from '@/components/sidebar/sidebar-api';
import type { ContactContext } from '@/lib/domain/contact-context';
import type { Feedback, FeedbackInput } from '@/lib/domain/feedback';
import { createFeedback } from '../factories';

/** A promise the test settles by hand, to order slow and fast answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Rows as getContexts returns them: one per email asked for, null when unknown. */
export function rowsFor(emails: string[], known: Record<string, ContactContext>) {
  return emails.map((email) => ({ email, context: known[email] ?? null }));
}

/** Feedback actions that store what they are given, as the background would. */
export function fakeFeedbackActions() {
  let seq = 0;
  return {
    submit: vi.fn(async (input: FeedbackInput): Promise<Feedback & { unchanged?: boolean }> => {
      seq += 1;
      return createFeedback({ ...input, id: `fb-${seq}`, author: input.author ?? '' });
    }),
    undo: vi.fn(async (_id: string) => undefined),
  };
}

/**
 * A SidebarApi over a fixed set of known contacts; every member is a vi.fn().
 * Like the background, it remembers submitted feedback as the contact's last verdict.
 */
export function fakeSidebarApi(known: Record<string, ContactContext> = {}) {
  const actions = fakeFeedbackActions();
  const last = new Map<string, Feedback>();
  return {
    submit: vi.fn(async (input: FeedbackInput) => {
      const stored = await actions.submit(input);
      last.set(stored.email, stored);
      return stored;
    }),
    undo: vi.fn(async (id: string) => {
      for (const [email, f] of last) if (f.id === id) last.delete(email);
    }),
    getContexts: vi.fn(async (emails: string[]) =>
      rowsFor(emails, known).map((r) => {
        const feedback = last.get(r.email);
        return r.context && feedback ? { ...r, context: { ...r.context, lastFeedback: feedback } } : r;
      }),
    ),
    loadOpen: vi.fn(async () => true),
    saveOpen: vi.fn(async (_open: boolean) => undefined),
  } satisfies SidebarApi;
}
