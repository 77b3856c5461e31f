/**
 * Recent results of a pure step, bounded so a huge input cannot grow it: an import's
 * rows repeat their contact and campaign, the report scores every contact against
 * the same persona keywords. Forgets everything when full, which is cheap and enough
 * for inputs that repeat in runs.
 */
export class Memo<T> {
  private readonly cache = new Map<string, T>();
  get(key: string, compute: () => T): T {
    let hit = this.cache.get(key);
    if (hit === undefined) {
      if (this.cache.size >= 2000) this.cache.clear();
      hit = compute();
      this.cache.set(key, hit);
    }
    return hit;
  }
  clear(): void {
    this.cache.clear();
  }
}
