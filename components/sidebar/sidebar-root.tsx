import { useCallback, useSyncExternalStore } from 'react';
import type { DetectionStore } from '@/lib/hosts/detection-store';
import { Sidebar, SIDEBAR_WIDTH_PX } from './sidebar';
import type { SidebarApi } from './sidebar-api';

/**
 * Connects the sidebar to the page: re-renders on detection changes and makes room
 * for the panel so it never covers the message being read.
 */
export function SidebarRoot({ store, api, host }: { store: DetectionStore; api: SidebarApi; host: HTMLElement }) {
  const { participants, selfEmail, toggles, updated } = useSyncExternalStore(store.subscribe, store.get);
  const onOpenChange = useCallback(
    (open: boolean) => {
      host.ownerDocument.documentElement.style.marginRight = open ? `${SIDEBAR_WIDTH_PX}px` : '';
    },
    [host],
  );
  return <Sidebar api={api} participants={participants} selfEmail={selfEmail} toggles={toggles} updated={updated} onOpenChange={onOpenChange} />;
}
