import type { z } from 'zod';
import type { MessageType, Responses } from './protocol';
import type { Requests } from './requests';

/**
 * Requests whose bodies are megabytes: an import batch. In Chrome a page posts them
 * to the background's service worker instead of using runtime messaging, which for
 * 4.7 MB batches cost about four times the CPU (page, browser and service worker
 * together) and three times the wall time. The background checks them exactly as
 * it checks runtime messages (./posted-requests.ts).
 */
export const POSTED_REQUESTS = ['importRecords'] as const satisfies readonly MessageType[];
export type PostedRequest = (typeof POSTED_REQUESTS)[number];

/** A posted request as the page sends it. */
export type PostedMessage = { type: string; data: unknown };

/** The background's answer: the handler's result, or why it refused or failed. */
export type PostedReply = { res: unknown } | { err: string };

/**
 * Posts a request to the service worker that controls this page, answering on a
 * message port of its own; null when no service worker does (Firefox runs the
 * background as a page), so the caller uses runtime messaging. A background that
 * stops before answering closes the port, and the request fails rather than waits.
 */
export function postRequest<K extends PostedRequest>(type: K, data: z.input<Requests[K]>): Promise<Responses[K]> | null {
  const worker = globalThis.navigator?.serviceWorker?.controller;
  if (!worker) return null;
  return new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = ({ data: reply }: MessageEvent<PostedReply>) => {
      port1.close();
      if ('err' in reply) reject(new Error(reply.err));
      else resolve(reply.res as Responses[K]);
    };
    port1.addEventListener('close', () => reject(new Error('The background stopped before answering')));
    worker.postMessage({ type, data } satisfies PostedMessage, [port2]);
  });
}
