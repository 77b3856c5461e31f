/** Caches a keyed lookup per connector instance; a failed lookup is forgotten so the next call retries it. */
export function memo<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = load(key).catch((e: unknown) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, pending);
    return pending;
  };
}
