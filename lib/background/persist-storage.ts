/**
 * Asks that the extension's storage never be evicted. Firefox evicts an add-on's IndexedDB under
 * storage pressure unless it is marked persistent (with `unlimitedStorage` it is granted without a
 * prompt); Chrome's `unlimitedStorage` already exempts it, and its service worker has no persist().
 * Feedback waits in IndexedDB until it is sent, so losing it would lose what reps wrote.
 * @returns whether storage is persistent, or null where the context cannot ask.
 */
export async function keepStoragePersistent(
  storage: Partial<StorageManager> | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persist || !storage.persisted) return null;
  if (await storage.persisted()) return true;
  return storage.persist();
}
