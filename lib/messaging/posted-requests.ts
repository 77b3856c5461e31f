import { browser } from 'wxt/browser';
import { isPageId } from './frame-handshake';
import type { Handlers } from './handlers';
import { ownOrigins } from './own-origins';
import type { MessageType } from './protocol';
import { POSTED_REQUESTS, type PostedMessage, type PostedReply } from './post-request';
import { answerPageRequest, serveChannel, type ChannelDetections, type ChannelOpened, type ChannelSender } from './serve-channel';

/** The parts of a service worker's message event this reads. */
export type PostedEvent = {
  origin: string;
  source: { url?: unknown } | null;
  data: unknown;
  ports: readonly Pick<MessagePort, 'postMessage'>[];
  waitUntil(done: Promise<unknown>): void;
};

const isPosted = (type: unknown): type is MessageType => (POSTED_REQUESTS as readonly unknown[]).includes(type);

/**
 * Answers the requests Leadlight's pages post to the service worker (see
 * ./post-request.ts), and opens their channels (./worker-channel.ts): only from a
 * page of one of `origins`, only the request types listed there, and each checked by
 * dispatch exactly as a runtime message is, its schema included. Anything else gets
 * no answer or a refusal. The event keeps the worker running until the answer is sent.
 */
export function listenForPostedRequests(
  scope: { addEventListener(type: 'message', listener: (event: PostedEvent) => void): void },
  handlers: Handlers,
  ready: Promise<unknown>,
  ownId: string,
  ownOrigin: () => string[],
  channel: { sender?: ChannelSender; opened?: ChannelOpened; detections?: ChannelDetections } = {},
): void {
  const channelSender: ChannelSender = channel.sender ?? ((url: string) => ({ id: ownId, url }));
  scope.addEventListener('message', (event) => {
    const port = event.ports[0];
    const url = event.source?.url;
    const origins = ownOrigin();
    if (!port || typeof url !== 'string' || !origins.includes(event.origin) || !url.startsWith(`${event.origin}/`)) return;
    const open = event.data as { channel?: unknown; page?: unknown } | null;
    if (open?.channel === 'open') {
      const page = isPageId(open.page) ? open.page : undefined;
      const serving = { handlers, ready, ownId, origins, sender: channelSender, opened: channel.opened, detections: channel.detections };
      serveChannel(port as MessagePort, url, serving, page);
      return;
    }
    const { type, data } = (event.data ?? {}) as Partial<PostedMessage>;
    const answer = async (): Promise<PostedReply> => {
      await ready;
      return answerPageRequest(isPosted, type, data, { id: ownId, url }, { handlers, ownId, origins });
    };
    event.waitUntil(answer().then((reply) => port.postMessage(reply)));
  });
}

/** Listens when the background runs as a service worker (Chrome); Firefox's background page gets runtime messages only. */
export function listenInServiceWorker(
  handlers: Handlers,
  ready: Promise<unknown>,
  channel?: { sender: ChannelSender; opened: ChannelOpened; detections: ChannelDetections },
): void {
  if (!('ServiceWorkerGlobalScope' in globalThis)) return;
  const scope = globalThis as unknown as Parameters<typeof listenForPostedRequests>[0];
  listenForPostedRequests(scope, handlers, ready, browser.runtime.id, ownOrigins, channel);
  // A page's watch on its channel (./worker-channel.ts) is only ever closed by the browser stopping this worker.
  browser.runtime.onConnect.addListener(() => undefined);
}
