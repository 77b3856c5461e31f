// Inlined rather than linked: a linked stylesheet makes the UI's import wait for a second
// fetch, and Vite's loader for it runs on the first contact's path. Applied as the UI loads.
import styles from './sidebar.css?inline';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { watchOpenChoice } from '@/lib/messaging/open-choice';
import type { SidebarChannel } from '@/lib/messaging/sidebar-channel';
import { rereadingWhileRefreshing } from './lookup-reads';
import { Sidebar, type SidebarLayout } from './sidebar';
import type { SidebarApi } from './sidebar-api';

document.head.append(Object.assign(document.createElement('style'), { textContent: styles }));

/** The sidebar inside its frame in a host tab, fed by the page's detections. */
export function renderFramed(container: HTMLElement, api: SidebarApi, channel: SidebarChannel, initialOpen: boolean): void {
  focusPanelWhenFrameFocused();
  createRoot(container).render(<FramedSidebar api={api} channel={channel} initialOpen={initialOpen} />);
}

function FramedSidebar({ api, channel, initialOpen }: { api: SidebarApi; channel: SidebarChannel; initialOpen: boolean }) {
  const { participants, toggles, updated, lookup, seq } = useSyncExternalStore(
    (onChange) => channel.subscribe(onChange),
    () => channel.get(),
  );
  // A new callback per snapshot, so the sidebar reports its layout for each one it renders
  // (the page laid it out itself, from its prediction: the frame confirms it, changed or not),
  // tagged with the snapshot that layout was computed from, never a newer one.
  const onLayoutChange = useCallback((next: SidebarLayout) => channel.setLayout(next, seq), [channel, seq]);
  const [openChoice, setOpenChoice] = useState(initialOpen);
  useEffect(() => watchOpenChoice(setOpenChoice), []);
  // The panel's colour held the page's room while this UI loaded (see sidebar.html).
  useLayoutEffect(() => void delete document.documentElement.dataset.pending, []);
  return (
    <Sidebar
      api={api}
      participants={participants}
      toggles={toggles}
      updated={updated}
      lookup={lookup}
      initialOpen={initialOpen}
      openChoice={openChoice}
      framed
      onLayoutChange={onLayoutChange}
    />
  );
}

/** A looked-up address in a window of its own; collapsing closes the window. */
export function renderStandalone(container: HTMLElement, api: SidebarApi, email: string): void {
  document.title = `Leadlight – ${email}`;
  createRoot(container).render(<StandaloneSidebar api={api} email={email} />);
}

function StandaloneSidebar({ api, email }: { api: SidebarApi; email: string }) {
  // No page load here for the background to tell of a finished refresh: the window reads again itself.
  const [updated, setUpdated] = useState<{ email: string; seq: number }>();
  const standaloneApi = useMemo<SidebarApi>(
    () => ({
      ...rereadingWhileRefreshing(api, (who) => setUpdated((u) => ({ email: who, seq: (u?.seq ?? 0) + 1 }))),
      loadOpen: async () => true,
      saveOpen: async () => undefined,
    }),
    [api],
  );
  return <Sidebar api={standaloneApi} participants={[{ email }]} updated={updated} initialOpen framed onLayoutChange={closeUnlessPanel} />;
}

const closeUnlessPanel = (layout: SidebarLayout) => {
  if (layout !== 'panel') window.close();
};

/**
 * The shortcut focuses the frame element from the page; inside, focus then goes to
 * the panel (or the collapsed tab) rather than staying on the document body.
 */
function focusPanelWhenFrameFocused(): void {
  window.addEventListener('focus', () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>('[data-testid="leadlight-sidebar"], [data-testid="sidebar-tab"]')?.focus();
  });
}
