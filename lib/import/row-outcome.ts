/** Why a row was skipped; thrown inside row conversion, caught at its edge. */
export class RowError extends Error {}

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
