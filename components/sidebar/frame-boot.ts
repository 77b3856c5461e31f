import { detectionsFromParent, pagesFromParent } from '@/lib/messaging/frame-handshake';
import { watchOpenChoice } from '@/lib/messaging/open-choice';
import { connectSidebarChannel, type FrameState } from '@/lib/messaging/sidebar-channel';
import { createSidebarClient, loadOpen } from '@/lib/messaging/sidebar-client';

/**
 * The sidebar frame's first script: small, so the host page can load the frame when
 * it goes idle. It connects to the background, follows the host's theme, and loads
 * React, the styles and the UI only once there is a contact to show or the
 * shortcut was pressed. It starts reading the contacts at the same moment.
 */
export function bootSidebarFrame(container: HTMLElement): void {
  const lookup = new URLSearchParams(location.search).get('lookup');
  const initialOpen = loadOpen().catch(() => true);
  if (lookup) {
    // The context-menu lookup on a page with no sidebar: this document is a window of its own.
    // A page that embeds this address (to frame a contact of its choosing under the rep's
    // pointer) gets an empty frame.
    if (window.top !== window) return;
    const api = createSidebarClient();
    applyTheme(undefined);
    // No host here to take a theme from: the window follows the system's as it changes.
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(undefined));
    api.prefetch([lookup]);
    void import('./frame-app').then((ui) => ui.renderStandalone(container, api, lookup));
    return;
  }
  // Created for a contact on the page (not ahead of one, when the page went idle): the UI
  // is needed, so it loads while the background is asked who the contact is, not after.
  if (new URLSearchParams(location.search).has('contact')) void import('./frame-app');
  // Each page load the parent names gets a sidebar; only the real one's hears from the background.
  pagesFromParent(window, window.parent, (page, detections) => startFramed(container, page, initialOpen, detections));
}

/** The sidebar of one page load: its snapshots come from the background once the frame names the load. */
function startFramed(container: HTMLElement, page: string, initialOpen: Promise<boolean>, first?: MessagePort): void {
  // What the background sends on the frame's channel to it, once the frame's port is there to take it.
  const pushes: { receive?: (message: unknown) => void } = {};
  // The content script's snapshot port goes to the worker on the frame's channel. A channel opened
  // again (the worker was stopped, and the port with it) takes a new one from the content script, but
  // only in the real page load's sidebar, the one that was sent a snapshot: each port handed over
  // replaces the one before, so a sidebar under a made-up load must not ask.
  const again = () => (channel.get().ready ? detectionsFromParent(window, window.parent, page) : Promise.resolve(undefined));
  const api = createSidebarClient({ page, onPush: (message) => pushes.receive?.(message), detections: { first, again } });
  const channel = connectSidebarChannel(page, api);
  pushes.receive = channel.receive;
  let ui: Promise<unknown> | undefined;
  // The rep may collapse or open the sidebar in another tab before this one's UI loads (the UI follows later changes).
  let chosen: boolean | undefined;
  const stopWatching = watchOpenChoice((open) => (chosen = open));
  const onState = (state: FrameState) => {
    applyTheme(state.theme);
    if (ui || (state.participants.length === 0 && state.toggles === 0)) return;
    if (state.participants.length > 0) document.documentElement.dataset.pending = '';
    ui = Promise.all([import('./frame-app'), initialOpen]).then(([app, open]) => {
      stopWatching();
      app.renderFramed(container, api, channel, chosen ?? open);
    });
  };
  channel.subscribe(() => onState(channel.get()));
  // A sidebar under a load the host page made up never gets a snapshot: the theme is the real one's to set.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (channel.get().ready) applyTheme(channel.get().theme);
  });
}

/** The host's theme where the content script could read it, else the system's. */
function applyTheme(host: 'light' | 'dark' | undefined): void {
  const theme = host ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const root = document.documentElement;
  // Each snapshot names the theme: set again unchanged, color-scheme (inherited) would have the
  // whole frame's style recomputed on the next contact's path.
  if (root.dataset.theme === theme && root.style.colorScheme === theme) return;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}
