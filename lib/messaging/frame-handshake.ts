/**
 * How the sidebar frame learns which page load it belongs to. The id is the content
 * script's secret: it is not in the frame's address, which the host page can read
 * from its DOM, so a copy of the frame the page embeds cannot name it, and the
 * background sends a page load's snapshots only to a frame that names it.
 *
 * The frame says it is ready to its parent; the content script answers only its own
 * frame element's window, and only while that window holds one of Leadlight's pages.
 */
export type FrameReady = { leadlight: 'frame-ready' };
export type PageNamed = { leadlight: 'page'; page: string };

type MessageSource = { postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]): void };
type Listens = {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: { signal?: AbortSignal }): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

/** Longest page id taken, wherever a frame names one: the content script's are UUIDs. */
const MAX_PAGE_ID_CHARS = 100;

/** A page load id as a frame may name it, on any of its paths to the background. */
export const isPageId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_PAGE_ID_CHARS;

/**
 * The content script's side: answers `frame()`'s window, when the message comes from it
 * at one of `origins` (the extension's), with the page load's id and, from `handOver`, a
 * port for the content script's snapshots, which the frame passes on to the background
 * (see ./detection-port.ts). The frame asks again for a new port when the worker was stopped.
 */
export function answerFrame(
  win: Listens,
  frame: () => MessageSource | null | undefined,
  page: string,
  origins: () => string[],
  signal: AbortSignal,
  handOver?: () => MessagePort,
): void {
  win.addEventListener(
    'message',
    (event) => {
      const own = frame();
      if (!own || event.source !== own || !origins().includes(event.origin)) return;
      if ((event.data as Partial<FrameReady> | null)?.leadlight !== 'frame-ready') return;
      // Without a port the frame still hears the page load's id: snapshots then come the runtime way alone.
      let port: MessagePort | undefined;
      try {
        port = handOver?.();
      } catch {
        // Sent without it.
      }
      own.postMessage({ leadlight: 'page', page } satisfies PageNamed, event.origin, port ? [port] : []);
    },
    { signal },
  );
}

/**
 * Page ids a frame tries, and for how long after asking it takes them. The content
 * script answers at once; the host page may answer too, first, with an id it made up.
 */
const MAX_OFFERED = 4;
const OFFER_WINDOW_MS = 2_000;

/** A page load's id posted to the frame by its parent window, with the snapshot port that came with it. */
function namedByParent(event: MessageEvent, parent: MessageSource): { page: string; port?: MessagePort } | undefined {
  const data = event.data as Partial<PageNamed> | null;
  if (event.source !== parent || data?.leadlight !== 'page' || !isPageId(data.page)) return undefined;
  return { page: data.page, port: event.ports?.[0] };
}

/**
 * The frame's side: asks its parent, and passes on each page id the parent sends, the
 * first at once. The page and the content script share that window, so the frame cannot
 * tell whose answer came first: it tries every id offered (a few, for a short while),
 * and only the one the background knows, the content script's, ever gets a snapshot.
 */
export function pagesFromParent(win: Listens, parent: MessageSource, offered: (page: string, detections?: MessagePort) => void): void {
  const seen = new Set<string>();
  const stop = () => {
    clearTimeout(timer);
    win.removeEventListener('message', listener);
  };
  const listener = (event: MessageEvent) => {
    const named = namedByParent(event, parent);
    if (!named || seen.has(named.page)) return;
    seen.add(named.page);
    if (seen.size === MAX_OFFERED) stop();
    offered(named.page, named.port);
  };
  win.addEventListener('message', listener);
  const timer = setTimeout(stop, OFFER_WINDOW_MS);
  // Nothing secret in it: the parent is the host page, whose own scripts see it too.
  parent.postMessage({ leadlight: 'frame-ready' } satisfies FrameReady, '*');
}

/** How long the frame waits for a new snapshot port before it opens its channel without one. */
const PORT_WAIT_MS = 1_000;

/**
 * The frame's side, after its worker was stopped (which closes the snapshot port it had
 * passed on): asks the parent again, and takes a port only with its own page load's id,
 * which the host page does not know. Undefined when none comes in time.
 */
export function detectionsFromParent(win: Listens, parent: MessageSource, page: string): Promise<MessagePort | undefined> {
  return new Promise((resolve) => {
    const done = (port?: MessagePort) => {
      clearTimeout(timer);
      win.removeEventListener('message', listener);
      resolve(port);
    };
    const listener = (event: MessageEvent) => {
      const named = namedByParent(event, parent);
      if (named?.page === page && named.port) done(named.port);
    };
    win.addEventListener('message', listener);
    const timer = setTimeout(done, PORT_WAIT_MS);
    parent.postMessage({ leadlight: 'frame-ready' } satisfies FrameReady, '*');
  });
}
