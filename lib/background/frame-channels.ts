/** Channels of frames whose runtime port has not named their page load yet: few, and only for a moment. */
const MAX_WAITING = 16;

/**
 * The sidebar frames' own channels to this worker (../messaging/worker-channel.ts), by
 * the page load each frame named: a message sent there skips the browser process, which
 * a runtime port message crosses on its way. A channel may open before the frame's
 * runtime port has named its load; it waits for that, and only a few wait at a time, so
 * copies of the frame that name loads no port ever names cannot pile up in the worker.
 */
export function createFrameChannels() {
  const open = new Map<string, MessagePort>();
  const waiting = new Map<string, MessagePort>();
  const attach = (page: string, port: MessagePort) => {
    open.get(page)?.close();
    open.set(page, port);
  };
  return {
    /** The channel of page load `page`'s frame, once both it and the frame's runtime port named that load. */
    get: (page: string | undefined) => (page === undefined ? undefined : open.get(page)),
    /** A frame opened its channel naming `page`; `named` says whether its runtime port has named it yet. */
    opened(page: string, port: MessagePort, named: boolean) {
      if (named) return attach(page, port);
      waiting.get(page)?.close();
      waiting.set(page, port);
      while (waiting.size > MAX_WAITING) {
        const [oldest, stale] = waiting.entries().next().value!;
        stale.close();
        waiting.delete(oldest);
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
      open.get(page)?.close();
      open.delete(page);
    },
  };
}
