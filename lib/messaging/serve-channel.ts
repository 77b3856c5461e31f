import { dispatch, type Handlers } from './handlers';
import type { SenderInfo } from './handlers/deps';
import type { MessageType } from './protocol';
import { CHANNEL_REQUESTS, type ChannelDetectionsPort, type ChannelMessage, type ChannelReply } from './worker-channel';

/**
 * Who a channel's request comes from, as a runtime message's sender would say: the
 * page's URL and, for the sidebar frame, its tab (where a refreshed contact is
 * announced), found by the page load the frame named. Null when the tab is not known
 * yet: the page then asks through runtime messaging, whose sender carries it.
 */
export type ChannelSender = (url: string, page?: string) => SenderInfo | null;

/** Who else wants a sidebar frame's channel: the hub, to send the frame of page load `page` what it would post on the frame's runtime port. */
export type ChannelOpened = (page: string, port: MessagePort) => void;
/** The sidebar frame of page load `page` passed on its content script's snapshot port (./detection-port.ts) on its channel `port`. */
export type ChannelDetections = (page: string, port: MessagePort, detections: MessagePort) => void;

type Serving = {
  handlers: Handlers;
  ready: Promise<unknown>;
  ownId: string;
  origins: string[];
  sender: ChannelSender;
  opened?: ChannelOpened;
  detections?: ChannelDetections;
};

const isChannelRequest = (type: unknown): type is MessageType => (CHANNEL_REQUESTS as readonly unknown[]).includes(type);

/**
 * A request from one of Leadlight's pages, answered as a runtime message is: only the types
 * `accepted` lists, each checked by dispatch, its schema included. The handler's result,
 * or why it was refused or failed.
 */
export async function answerPageRequest(
  accepted: (type: unknown) => type is MessageType,
  type: unknown,
  data: unknown,
  from: SenderInfo,
  { handlers, ownId, origins }: Pick<Serving, 'handlers' | 'ownId' | 'origins'>,
): Promise<{ res: unknown } | { err: string }> {
  if (!accepted(type)) return { err: `${String(type)} is not accepted this way` };
  try {
    return { res: await dispatch(handlers, ownId, type, data, from, origins) };
  } catch (e) {
    return { err: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Answers a page's channel (./worker-channel.ts). The page was checked to be one of
 * Leadlight's own when it opened it; each request is checked by dispatch exactly as
 * a runtime message is, its schema included, and only the listed reads are taken.
 */
export function serveChannel(port: MessagePort, url: string, serving: Serving, page?: string): void {
  if (page !== undefined) serving.opened?.(page, port);
  port.onmessage = async ({ data, ports }: MessageEvent<Partial<ChannelMessage> & Partial<ChannelDetectionsPort>>) => {
    if (data?.detections === true) {
      const [detections] = ports;
      if (detections && page !== undefined && serving.detections) serving.detections(page, port, detections);
      else detections?.close();
      return;
    }
    const id = data?.id;
    if (typeof id !== 'number') return;
    await serving.ready;
    const from = serving.sender(url, page);
    const reply: ChannelReply = from
      ? { id, ...(await answerPageRequest(isChannelRequest, data.type, data.data, from, serving)) }
      : { id, again: true };
    port.postMessage(reply);
  };
}
