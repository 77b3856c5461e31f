/** Characters of a cell an error or warning repeats back; enough to recognise it. */
export const ECHO_CHARS = 60;

/**
 * A cell's value quoted for a message, cut short when long: a 5 MB cell must not
 * make a 5 MB message (it is kept in memory, sent between scripts and rendered).
 */
export function quote(value: string, max = ECHO_CHARS): string {
  const v = value.trim();
  if (v.length <= max) return `“${v}”`;
  return `“${v.slice(0, max)}…” (${v.length.toLocaleString('en-US')} characters)`;
}

/** Longest reason kept for one row, whatever produced it (a parser, a schema). */
export const MAX_REASON_CHARS = 300;

export function clip(reason: string): string {
  return reason.length <= MAX_REASON_CHARS ? reason : `${reason.slice(0, MAX_REASON_CHARS - 1)}…`;
}
