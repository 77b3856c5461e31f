import type { ChannelClosed } from '../messaging/worker-channel';

/** Channels of frames whose runtime port has not named their page load yet: few, and only for a moment. */
const MAX_WAITING = 16;

/** Closes a frame's channel, saying so first: a message port closed at one end never tells the other, whose reads would wait forever. */
function shut(port: MessagePort): void {
  port.postMessage({ closed: true } satisfies ChannelClosed);
  port.close();
}

/**
 * The sidebar frames' own channels to this worker (../messaging/worker-channel.ts), by
 * the page load each frame named: a message sent there skips the browser process, which
 * a runtime port message crosses on its way. A channel may open before the frame's
 * runtime port has named its load; it waits for that, and only a few wait at a time, so
 * copies of the frame that name loads no port ever names cannot pile up in the worker.
 * `known` says whether a content script reported a page load: a channel naming one is
 * a real frame's, and waits while those naming made-up loads are closed first.
 */
export function createFrameChannels(known: (page: string) => boolean = () => false) {
  const open = new Map<string, MessagePort>();
  const waiting = new Map<string, MessagePort>();
  const attach = (page: string, port: MessagePort) => {
    const previous = open.get(page);
    if (previous && previous !== port) shut(previous);
    open.set(page, port);
  };
  return {
    /** The channel of page load `page`'s frame, once both it and the frame's runtime port named that load. */
    get: (page: string | undefined) => (page === undefined ? undefined : open.get(page)),
    /** A frame opened its channel naming `page`; `named` says whether its runtime port has named it yet. */
    opened(page: string, port: MessagePort, named: boolean) {
      if (named) return attach(page, port);
      const previous = waiting.get(page);
      if (previous && previous !== port) shut(previous);
      waiting.set(page, port);
      while (waiting.size > MAX_WAITING) {
        // In the order they came, oldest first; a real frame's only when every one waiting is.
        const pages = [...waiting.keys()];
        const evicted = pages.find((p) => !known(p)) ?? pages[0]!;
        shut(waiting.get(evicted)!);
        waiting.delete(evicted);
      }
    },
    /** The frame's runtime port named `page`: its channel, if it came first, is now the frame's. */
    named(page: string) {
      const port = waiting.get(page);
      waiting.delete(page);
      if (port) attach(page, port);
    },
    /** The frame of `page` is gone, and its channel with it. */
    forget(page: string) {
      const port = open.get(page);
      open.delete(page);
      if (port) shut(port);
    },
  };
}
