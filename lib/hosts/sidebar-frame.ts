import { browser } from 'wxt/browser';
import { answerFrame } from '../messaging/frame-handshake';
import type { SidebarLayout } from '../messaging/sidebar-port';

// 320 px is the narrowest layout the panel is designed and tested for.
export const SIDEBAR_WIDTH_PX = 320;
// Below this the page keeps its full width and the panel floats over it: pushing a
// 320 px panel into a narrow window would leave the page almost nothing.
export const OVERLAY_BELOW_PX = 900;
const TAB = { width: 28, height: 104 };
// What the panel leaves of the page in a window barely wider than the panel (a phone-sized one):
// a floating panel as wide as the window would hide the page entirely.
const PAGE_STRIP_PX = 56;

/** Stable hook for tests (Playwright's frameLocator, puppeteer's contentFrame()). */
export const FRAME_TEST_ID = 'leadlight-frame';
// The page's own right margin, kept on <html> while the panel pushes the page aside: a copy of this
// script injected after an update (Firefox), whose predecessor never cleaned up, restores that, not the push.
const PAGE_MARGIN_ATTR = 'data-leadlight-page-margin';

/**
 * The sidebar's iframe in the host page. Its document is an extension page, so the
 * page cannot read or script it; all the page can touch is this element, whose
 * geometry is re-asserted with `!important` inline styles whenever the page changes it.
 */
export function createSidebarFrame(doc: Document, signal: AbortSignal, page: string, handOver?: () => MessagePort) {
  const root = doc.documentElement;
  // A frame left by a copy of this script that an update stopped without its cleanup shows nothing any more.
  for (const leftover of root.querySelectorAll(`iframe[data-testid="${FRAME_TEST_ID}"]`)) leftover.remove();
  const originalMargin = root.getAttribute(PAGE_MARGIN_ATTR) ?? root.style.marginRight;
  const restoreMargin = () => {
    root.style.marginRight = originalMargin;
    root.removeAttribute(PAGE_MARGIN_ATTR);
  };
  let frame: HTMLIFrameElement | undefined;
  let layout: SidebarLayout = 'none';

  const styles = (): Record<string, string> => {
    // Inline `!important` outranks any rule of the page's style sheets, so every property that
    // could hide the panel, move it or let clicks through is pinned, not only its geometry.
    const base = {
      position: 'fixed',
      border: '0',
      margin: '0',
      padding: '0',
      'z-index': '2147483646',
      'color-scheme': 'normal',
      visibility: 'visible',
      filter: 'none',
      transform: 'none',
      'clip-path': 'none',
      mask: 'none',
      'mix-blend-mode': 'normal',
      'pointer-events': 'auto',
    };
    if (layout === 'tab')
      return { ...base, display: 'block', top: '33%', right: '0', width: `${TAB.width}px`, height: `${TAB.height}px`, opacity: '1' };
    // However narrow the window, a strip of the page stays in view beside the panel, to read and click.
    const width = Math.min(SIDEBAR_WIDTH_PX, (doc.defaultView?.innerWidth ?? SIDEBAR_WIDTH_PX) - PAGE_STRIP_PX);
    const panel = { ...base, display: 'block', top: '0', right: '0', width: `${width}px`, height: '100%' };
    // Hidden, yet still rendering: the browser stops rendering a display:none (or visibility:hidden)
    // cross-origin frame, and starting it again cost the next contact ~60 ms, on every return
    // from the inbox. Transparent, click-through and inert (see apply) instead.
    if (layout === 'none') return { ...panel, opacity: '0', 'pointer-events': 'none' };
    return { ...panel, opacity: '1' };
  };
  const apply = () => {
    if (!frame) return;
    frame.removeAttribute('style');
    for (const [name, value] of Object.entries(styles())) frame.style.setProperty(name, value, 'important');
    // Hidden from keyboard and screen readers too, not only from the eye and the pointer.
    frame.inert = layout === 'none';
    const push = layout === 'panel' && (doc.defaultView?.innerWidth ?? 0) >= OVERLAY_BELOW_PX;
    if (!push) return restoreMargin();
    if (root.getAttribute(PAGE_MARGIN_ATTR) !== originalMargin) root.setAttribute(PAGE_MARGIN_ATTR, originalMargin);
    root.style.marginRight = `${SIDEBAR_WIDTH_PX}px`;
  };

  // A page that restyles or hides the frame (to cover it, or to slip it under the pointer) gets it back as it was.
  const guard = new MutationObserver(() => {
    // A page that points the frame elsewhere gets a fresh one: the old element shows whatever the page chose.
    if (frame && frame.getAttribute('src') !== frameSrc) return replace(frame);
    if (frame && (frame.getAttribute('style') !== lastStyle || frame.inert !== (layout === 'none'))) {
      apply();
      lastStyle = frame.getAttribute('style');
    }
    if (frame && !frame.isConnected) doc.documentElement.append(frame);
  });
  let lastStyle: string | null = null;
  // The address the frame was given, and so the only origin its handshake is answered at:
  // `src` is an attribute the page can rewrite (to a document of its own that asks for the id).
  let frameSrc = '';
  const replace = (old: HTMLIFrameElement) => {
    if (frame !== old) return;
    guard.disconnect();
    old.remove();
    frame = undefined;
    setLayoutTo(layout);
  };

  const ensure = (forContact = false): HTMLIFrameElement => {
    if (frame) return frame;
    const created = doc.createElement('iframe');
    frame = created;
    // Created for a contact, the frame starts loading its UI at once, beside asking who it is.
    // Which page load it belongs to it hears from this script (answerFrame below), not from its address.
    created.src = frameSrc = `${browser.runtime.getURL('/sidebar.html')}${forContact ? '?contact' : ''}`;
    // The sidebar loads once. A second load means the page navigated the frame (a parent may,
    // even cross-origin) to show something of its own in Leadlight's place: start a fresh one.
    let loads = 0;
    created.addEventListener('load', () => {
      if (++loads >= 2) replace(created);
    });
    created.title = 'Leadlight';
    created.setAttribute('data-testid', FRAME_TEST_ID);
    // Nothing of the host's goes to the frame.
    created.referrerPolicy = 'no-referrer';
    apply();
    lastStyle = created.getAttribute('style');
    // Outside <body>: single-page apps often replace the body's children wholesale.
    root.append(created);
    guard.observe(created, { attributes: true });
    guard.observe(root, { childList: true });
    return created;
  };
  const setLayoutTo = (next: SidebarLayout) => {
    // The page predicts a layout and the frame confirms it: the second says nothing new.
    if (frame && next === layout) return;
    ensure();
    layout = next;
    apply();
    lastStyle = frame!.getAttribute('style');
  };

  // The frame's window, while it holds Leadlight's page (a page may navigate it elsewhere), hears the page load's
  // id, with the port for this script's snapshots that it passes on to the worker.
  const origins = () => [frameSrc ? new URL(frameSrc).origin : '', new URL(browser.runtime.getURL('/')).origin];
  if (doc.defaultView) answerFrame(doc.defaultView, () => frame?.contentWindow, page, origins, signal, handOver);

  const onResize = () => layout !== 'none' && apply();
  doc.defaultView?.addEventListener('resize', onResize, { signal });
  signal.addEventListener('abort', () => {
    guard.disconnect();
    frame?.remove();
    restoreMargin();
  });

  return {
    /** Loads the frame now (hidden until it asks for room), so the first contact shows fast. */
    preload: (forContact?: boolean) => void ensure(forContact),
    get element() {
      return frame;
    },
    get layout() {
      return layout;
    },
    setLayout: setLayoutTo,
    /** Moves keyboard focus into the frame (the frame then focuses its own panel). */
    focus() {
      frame?.focus();
    },
    hasFocus: () => !!frame && doc.activeElement === frame,
  };
}
