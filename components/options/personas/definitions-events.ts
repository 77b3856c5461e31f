/**
 * Importing a definitions file replaces personas and reasons at once, but the two
 * are edited in separate sections of the page: the importer tells the reason
 * editor to re-read its list. Listeners are kept per API object, so two pages (or
 * two tests) never hear each other.
 */
const listeners = new WeakMap<object, Set<() => void>>();

export function onDefinitionsImported(api: object, listener: () => void): () => void {
  let set = listeners.get(api);
  if (!set) listeners.set(api, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyDefinitionsImported(api: object): void {
  for (const listener of listeners.get(api) ?? []) listener();
}
