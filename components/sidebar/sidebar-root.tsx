import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { DetectionStore } from '@/lib/hosts/detection-store';
import { Sidebar, SIDEBAR_WIDTH_PX } from './sidebar';
import type { SidebarApi } from './sidebar-api';

/**
 * Connects the sidebar to the page: re-renders on detection changes and makes room
 * for the panel so it never covers the message being read. The page's own margin
 * comes back when the panel closes or the extension is updated or removed.
 */
export function SidebarRoot({ store, api, host }: { store: DetectionStore; api: SidebarApi; host: HTMLElement }) {
  const { participants, selfEmail, toggles, updated } = useSyncExternalStore(store.subscribe, store.get);
  const root = host.ownerDocument.documentElement;
  const original = useOriginalMargin(root);
  const onOpenChange = useCallback(
    (open: boolean) => {
      root.style.marginRight = open ? `${SIDEBAR_WIDTH_PX}px` : original;
    },
    [root, original],
  );
  useEffect(() => () => void (root.style.marginRight = original), [root, original]);
  return (
    <Sidebar api={api} participants={participants} selfEmail={selfEmail} toggles={toggles} updated={updated} onOpenChange={onOpenChange} />
  );
}

const originals = new WeakMap<HTMLElement, string>();
/** The page's inline right margin before Leadlight touched it, read once per page. */
function useOriginalMargin(root: HTMLElement): string {
  if (!originals.has(root)) originals.set(root, root.style.marginRight);
  return originals.get(root)!;
}
