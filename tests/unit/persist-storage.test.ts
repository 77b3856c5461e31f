import { describe, expect, it, vi } from 'vitest';
import { keepStoragePersistent } from '@/lib/background/persist-storage';

describe('keepStoragePersistent', () => {
  it('asks once for persistence where storage is not yet persistent (Firefox background page)', async () => {
    const persist = vi.fn(async () => true);
    expect(await keepStoragePersistent({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await keepStoragePersistent({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('does nothing in a service worker, which has no persist()', async () => {
    expect(await keepStoragePersistent({ estimate: async () => ({}) })).toBeNull();
    expect(await keepStoragePersistent(undefined)).toBeNull();
  });
});
