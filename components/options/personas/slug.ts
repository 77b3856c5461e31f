/**
 * An id from a name people typed: lower case, ASCII letters and digits joined by
 * `separator`, made unique against `taken` by adding 2, 3, … as needed.
 */
export function uniqueSlug(name: string, taken: Iterable<string>, separator: '-' | '_', fallback: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, separator)
      .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
      .slice(0, 80) || fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}${separator}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
