import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '@/lib/messaging/protocol';
import type { SidebarApi } from './sidebar-api';

/**
 * How the live CRM connection stands, read again whenever `after` changes: a lookup
 * is what changes it, so the sidebar passes its contexts state.
 */
export function useConnection(api: SidebarApi, after: unknown): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>(null);
  useEffect(() => {
    let live = true;
    api.getConnection?.().then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, after]);
  return status;
}
