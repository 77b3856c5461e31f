/** Why a row was skipped; thrown inside row conversion, caught at its edge. */
export class RowError extends Error {}

/**
 * Recent results of a pure step, bounded so a huge file cannot grow it. Exports
 * repeat the contact on every touch row and the campaign on every member row;
 * validating each once keeps zod from dominating a large import.
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

export type Outcome<T> = { value: T } | { reason: string };
export const unwrap = <T>(o: Outcome<T>): T => {
  if ('reason' in o) throw new RowError(o.reason);
  return o.value;
};
export const attempt = <T>(f: () => T): Outcome<T> => {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof RowError) return { reason: e.message };
    throw e;
  }
};
