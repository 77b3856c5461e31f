import type { ChannelClosed } from '../messaging/worker-channel';

/** Channels of frames whose runtime port has not named their page load yet: few, and only for a moment. */
const MAX_WAITING = 16;

/** A frame's channel, and its content script's snapshot port when the frame passed one on. */
type Channel = { port: MessagePort; detections?: MessagePort };

/** Closes a frame's channel, saying so first: a message port closed at one end never tells the other, whose reads would wait forever. */
function shut({ port, detections }: Channel): void {
  port.postMessage({ closed: true } satisfies ChannelClosed);
  port.close();
  detections?.close();
}

/**
 * The sidebar frames' own channels to this worker (../messaging/worker-channel.ts), by
 * the page load each frame named: a message sent there skips the browser process, which
 * a runtime port message crosses on its way. A channel may open before the frame's
 * runtime port has named its load; it waits for that, and only a few wait at a time, so
 * copies of the frame that name loads no port ever names cannot pile up in the worker.
 * `known` says whether a content script reported a page load: a channel naming one is
 * a real frame's, and waits while those naming made-up loads are closed first.
 * `listen` is given a channel's snapshot port once the channel is the frame's.
 */
export function createFrameChannels(
  known: (page: string) => boolean = () => false,
  listen: (page: string, detections: MessagePort) => void = () => undefined,
) {
  const open = new Map<string, Channel>();
  const waiting = new Map<string, Channel>();
  const attach = (page: string, channel: Channel) => {
    const previous = open.get(page);
    if (previous && previous.port !== channel.port) shut(previous);
    open.set(page, channel);
    if (channel.detections) listen(page, channel.detections);
  };
  return {
    /** The channel of page load `page`'s frame, once both it and the frame's runtime port named that load. */
    get: (page: string | undefined) => (page === undefined ? undefined : open.get(page)?.port),
    /** A frame opened its channel naming `page`; `named` says whether its runtime port has named it yet. */
    opened(page: string, port: MessagePort, named: boolean) {
      const channel: Channel = { port };
      if (named) return attach(page, channel);
      const previous = waiting.get(page);
      if (previous && previous.port !== port) shut(previous);
      waiting.set(page, channel);
      while (waiting.size > MAX_WAITING) {
        // In the order they came, oldest first; a real frame's only when every one waiting is.
        const pages = [...waiting.keys()];
        const evicted = pages.find((p) => !known(p)) ?? pages[0]!;
        shut(waiting.get(evicted)!);
        waiting.delete(evicted);
      }
    },
    /** The frame of `page` passed on its content script's snapshot port on its channel `port`; it replaces any before. */
    detections(page: string, port: MessagePort, detections: MessagePort) {
      const channel = [open.get(page), waiting.get(page)].find((c) => c?.port === port);
      // A channel shut or replaced meanwhile.
      if (!channel) return detections.close();
      channel.detections?.close();
      channel.detections = detections;
      // One still waiting is listened to once its frame is named (attach).
      if (open.get(page) === channel) listen(page, detections);
    },
    /** The frame's runtime port named `page`: its channel, if it came first, is now the frame's. */
    named(page: string) {
      const channel = waiting.get(page);
      waiting.delete(page);
      if (channel) attach(page, channel);
    },
    /** The frame of `page` is gone, and its channel with it. */
    forget(page: string) {
      const channel = open.get(page);
      open.delete(page);
      if (channel) shut(channel);
    },
  };
}
